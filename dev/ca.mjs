// A throwaway certificate authority for the simulated boxes, made in memory at start. Keys
// never touch the repository.
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { webcrypto } from "node:crypto";

x509.cryptoProvider.set(webcrypto);
const ALG = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
const DAY = 86_400_000;
let serial = 1;

async function keyPem(privateKey) {
    const der = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", privateKey));
    return `-----BEGIN PRIVATE KEY-----\n${der.toString("base64").match(/.{1,64}/g).join("\n")}\n-----END PRIVATE KEY-----\n`;
}

export async function makeCa(commonName) {
    const keys = await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"]);
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
        serialNumber: String(serial++).padStart(2, "0"),
        name: `CN=${commonName}`,
        notBefore: new Date(Date.now() - DAY),
        notAfter: new Date(Date.now() + 365 * DAY),
        keys,
        signingAlgorithm: ALG,
        extensions: [
            new x509.BasicConstraintsExtension(true, undefined, true),
            new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
            await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        ],
    });
    return { keys, cert, pem: cert.toString("pem") };
}

/**
 * A self-signed certificate without SAN, as the box image's temporary
 * `OdooTempIoTBoxCertificate` is: no browser trusts it for any name.
 */
export async function makeSelfSigned(commonName) {
    const keys = await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"]);
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
        serialNumber: String(serial++).padStart(2, "0"),
        name: `CN=${commonName}`,
        notBefore: new Date(Date.now() - DAY),
        notAfter: new Date(Date.now() + 100 * 365 * DAY),
        keys,
        signingAlgorithm: ALG,
        // As `openssl req -x509` makes it: CA:TRUE, no key usage, no SAN.
        extensions: [new x509.BasicConstraintsExtension(true), await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)],
    });
    return { cert: cert.toString("pem"), key: await keyPem(keys.privateKey) };
}

/** A server certificate for `names` (DNS names or IPv4 literals), valid from `from` to `until`. */
export async function makeLeaf(ca, names, { from = Date.now() - DAY, until = Date.now() + 90 * DAY } = {}) {
    const keys = await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"]);
    const cert = await x509.X509CertificateGenerator.create({
        serialNumber: String(serial++).padStart(2, "0"),
        subject: `CN=${names[0]}`,
        issuer: ca.cert.subject,
        notBefore: new Date(from),
        notAfter: new Date(until),
        signingKey: ca.keys.privateKey,
        publicKey: keys.publicKey,
        signingAlgorithm: ALG,
        extensions: [
            new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: /^\d+\.\d+\.\d+\.\d+$/.test(value) ? "ip" : "dns", value }))),
            new x509.BasicConstraintsExtension(false),
            new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
            new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
            await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
        ],
    });
    return { cert: `${cert.toString("pem")}\n${ca.pem}`, key: await keyPem(keys.privateKey) };
}
