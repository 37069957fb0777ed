// A stand-in for odoo.com's certificate endpoint (`POST https://www.odoo.com/odoo-enterprise/iot/x509`),
// on its own loopback IP, where the box's hosts file sends www.odoo.com. The box neither
// verifies its certificate nor sets a timeout (urllib3, `Retry(4)`), so each mode makes the
// box's own code produce one answer:
// - "refuse": nothing listens (connection refused, retried, then ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION);
// - "unavailable": 503 (ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503);
// - "no_certificate": odoo.com's "no certificate" answer in the shape each series reads as
//   ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT (18.0: a false `result`; 17.0: a `result` with an `error`);
// - "hang": accepts and never answers, which hangs the box's status call;
// - "garbage": not JSON (a 500 on 17.0/18.0: the box does not catch it).
import { createServer } from "node:https";
import { makeSelfSigned } from "../../dev/ca.mjs";

/** What odoo.com answers when it has no certificate for the database, as each series reads it. */
const NO_CERTIFICATE = {
    "17.0": { jsonrpc: "2.0", id: null, result: { error: "No IoT box subscription for this database" } },
    "18.0": { jsonrpc: "2.0", id: null, result: false },
};

export async function startOdooCom({ ip, series }) {
    const tls = await makeSelfSigned("www.odoo.com");
    let mode = "refuse";
    const hanging = new Set();
    const calls = [];
    const server = createServer(tls, (req, res) => {
        let body = "";
        req.on("data", (chunk) => (body += chunk));
        req.on("end", () => {
            calls.push({ path: req.url, body });
            if (mode === "hang") return void hanging.add(res);
            if (mode === "unavailable") return res.writeHead(503, "Service Unavailable").end();
            if (mode === "garbage") return res.writeHead(200, { "content-type": "text/html" }).end("<html>maintenance</html>");
            res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(NO_CERTIFICATE[series]));
        });
    });
    const listening = async () => {
        if (server.listening) return;
        await new Promise((done, fail) => server.once("error", fail).listen(443, ip, done));
    };
    const stopListening = () => new Promise((done) => (server.listening ? server.close(() => done()) : done()));
    return {
        /** The box's calls so far: path and body (the body carries its credentials: never print it). */
        calls,
        async setMode(next) {
            mode = next;
            // Hung calls end when the mode changes: the box then sees a dropped connection.
            for (const res of hanging) res.socket?.destroy();
            hanging.clear();
            server.closeAllConnections?.();
            if (next === "refuse") await stopListening();
            else await listening();
        },
        async close() {
            for (const res of hanging) res.socket?.destroy();
            server.closeAllConnections?.();
            await stopListening();
        },
    };
}
