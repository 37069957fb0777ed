// A small static server on a free loopback port for test and benchmark pages: fixed routes to
// files or built text, and one HTML page for every other path.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";

/**
 * `routes`: path → { file } or { text }, with its content type. Returns the page's URL and a
 * close function.
 */
export async function serveStatic(routes, page) {
    const server = createServer((req, res) => {
        const route = routes[new URL(req.url, "http://x").pathname];
        if (!route) return res.writeHead(200, { "content-type": "text/html" }), res.end(page);
        res.writeHead(200, { "content-type": route.type });
        res.end(route.file ? readFileSync(route.file) : route.text);
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

export const JS = "text/javascript";
/** The files every page of the add-on's browser code needs beside its script. */
export const PAGE_FILES = {
    "/luxon.js": { file: "node_modules/luxon/build/global/luxon.js", type: JS },
    "/templates.xml": { file: "static/src/iot_https_certificate.xml", type: "text/xml" },
    "/https_link.css": { file: "static/src/components/https_link/https_link.css", type: "text/css" },
    "/iot_https_certificate/static/lib/qr/qr.js": { file: "static/lib/qr/qr.js", type: JS },
};
