/**
 * The plain-text summary a support ticket needs (the documentation asks for the code and its
 * 3-digit status). Built only from the verdict and public record fields: never a secret.
 */
import type { CatalogEntry } from "../../core/catalog";
import type { BoxStatus } from "../../store/box_status";

export interface BoxIdentity {
    name: string;
    identifier: string;
    version: string;
}

export function supportDetails(status: BoxStatus, entry: CatalogEntry, identity: BoxIdentity, at: string, expiry: string): string {
    const { verdict, address } = status;
    const lines = [
        `IoT box: ${identity.name || "-"} (${identity.identifier || "-"})`,
        `Image version: ${identity.version || "-"}`,
        `Address: ${address.kind === "named" ? address.hostname : address.kind === "plain_ip" ? address.lanIp : address.kind}`,
        `HTTPS certificate: ${entry.label} (${verdict.key})`,
    ];
    if (verdict.code) lines.push(`Code: ${verdict.code}${verdict.status ? ` ${verdict.status}` : ""}`);
    if (verdict.detail) lines.push(`Detail: ${verdict.detail}`);
    if (verdict.validUntil !== undefined) lines.push(`Valid until: ${new Date(verdict.validUntil).toISOString()} (${expiry})`);
    if (verdict.boxReport) {
        const { key, code, status } = verdict.boxReport;
        lines.push(`The box reports: ${code ? `${code}${status ? ` ${status}` : ""}` : key}`);
    }
    if (verdict.stored) {
        const at = verdict.stored.reportedAt === undefined ? "-" : new Date(verdict.stored.reportedAt).toISOString();
        const { key, code, status } = verdict.stored;
        lines.push(`Stored report: ${code ? `${code}${status ? ` ${status}` : ""}` : key}, reported ${at}`);
    }
    if (verdict.generation) lines.push(`Box software: ${verdict.generation === "legacy" ? "16.0/early 17.0 (hello only)" : verdict.generation === "18" ? "17.0-18.x (hw_posbox_homepage)" : "19 (iot_drivers)"}`);
    lines.push(`Checked: ${at}`);
    return lines.join("\n");
}
