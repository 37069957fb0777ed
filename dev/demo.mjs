// `npm start`: a fleet of simulated boxes, one per state, and the demo page on
// http://127.0.0.1:<PORT or a free default>. Prints the URL first; Ctrl-C stops everything.
import { startFleet } from "./boxes.mjs";
import { startDemo } from "./demo_server.mjs";

const fleet = await startFleet();
let demo;
try {
    demo = await startDemo({ fleet, port: Number(process.env.PORT ?? 8077) });
} catch (error) {
    if (error.code !== "EADDRINUSE" || process.env.PORT) throw error;
    demo = await startDemo({ fleet, port: 0 });
}
console.log(demo.url);
console.log(`${fleet.boxes.length} simulated boxes, one per state, and a remote box known only from the database; each box's name says which. Ctrl-C stops everything.`);

async function stop() {
    await Promise.all([demo.close(), fleet.close()]);
    process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
