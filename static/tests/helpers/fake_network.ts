/**
 * A scripted network for store tests: each host is a simulated box whose behaviour a test
 * sets. Latency runs on the fake clock; aborts are honoured like a browser's fetch.
 */
import type { FakeClock } from "./fake_clock";

export type HostScript =
    | { kind: "box"; generation: "19" | "18" | "legacy"; body?: string; latencyMs?: number }
    | { kind: "down" }
    | { kind: "silent" }
    | { kind: "huge"; size: number };

export class FakeNetwork {
    hosts = new Map<string, HostScript>();
    log: string[] = [];
    inFlight = 0;
    peak = 0;

    constructor(private clock: FakeClock, private defaultLatencyMs = 50) {}

    fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
        const url = new URL(String(input));
        this.log.push(`${init?.mode ?? "cors"} ${url.href}`);
        const script = this.hosts.get(url.host) ?? { kind: "down" };
        this.inFlight++;
        this.peak = Math.max(this.peak, this.inFlight);
        return new Promise<Response>((resolve, reject) => {
            const finish = (action: () => void) => {
                this.inFlight--;
                action();
            };
            const signal = init?.signal;
            const onAbort = () => finish(() => reject(new DOMException("aborted", "AbortError")));
            signal?.addEventListener("abort", onAbort, { once: true });
            if (script.kind === "silent") return;
            const latency = script.kind === "box" ? script.latencyMs ?? this.defaultLatencyMs : this.defaultLatencyMs;
            this.clock.setTimeout(() => {
                if (signal?.aborted) return;
                signal?.removeEventListener("abort", onAbort);
                finish(() => {
                    const answer = this.answer(script, url.pathname, init?.mode === "no-cors");
                    if (answer) resolve(answer);
                    else reject(new TypeError("Failed to fetch"));
                });
            }, latency);
        });
    };

    /** What a box of that generation answers; undefined is a failed fetch (as a browser shows it). */
    private answer(script: HostScript, path: string, opaque: boolean): Response | undefined {
        if (script.kind === "down" || script.kind === "silent") return undefined;
        if (script.kind === "huge") return new Response("x".repeat(script.size));
        if (opaque) return new Response(null, { status: 200 });
        const own = { "19": "/iot_drivers/data", "18": "/hw_posbox_homepage/data", legacy: "" }[script.generation];
        if (path === "/hw_proxy/hello") return new Response("ping");
        if (path === own) return new Response(script.body ?? "{}");
        return undefined; // an unknown route answers 404 without CORS headers: the page sees a failure
    }

    requestsTo(host: string): number {
        return this.log.filter((line) => new URL(line.split(" ")[1]).host === host).length;
    }
}

export const BODY_19_OK = JSON.stringify({ certificate_end_date: "2027-02-01 00:00:00", db_uuid: "u", enterprise_code: "c" });
