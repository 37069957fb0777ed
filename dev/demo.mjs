// `npm start`: the demo. Prints its URL first; Ctrl-C stops everything.
import { createServer } from "node:http";

const page = `<!doctype html><meta charset="utf-8"><title>IoT box HTTPS certificate — demo</title>
<h1>IoT box HTTPS certificate</h1><p>The demo fleet of simulated boxes is not part of this build yet.
Run <code>npm test</code> to see every state rendered in headless Chromium.</p>`;

const server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(page);
});

function listen(port) {
    server.once("error", (error) => {
        if (error.code === "EADDRINUSE" && !process.env.PORT) listen(0);
        else throw error;
    });
    server.listen(port, "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}/`));
}
listen(Number(process.env.PORT ?? 8077));
process.on("SIGINT", () => server.close(() => process.exit(0)));
