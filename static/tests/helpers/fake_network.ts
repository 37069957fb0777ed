/**
 * A scripted network for store tests: each host is a simulated box whose behaviour a test
 * sets. Latency runs on the fake clock; aborts are honoured like a browser's fetch.
 */
import type { FakeClock } from "./fake_clock";

export type HostScript =
    /** `status`: what the box's own status route does besides answering `body`. */
    | { kind: "box"; generation: "19" | "18" | "legacy"; body?: string; latencyMs?: number; status?: "hangs" | "fails" }
    /** A front (the box's nginx) whose box is down: opaque answers, never a readable one. */
    | { kind: "front" }
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
            if (script.kind === "box" && script.status === "hangs" && this.isOwnRoute(script, url.pathname)) return;
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
        if (script.kind === "front") return undefined; // its 502 page has no CORS header
        if (path === "/hw_proxy/hello") return new Response("ping");
        if (path === { "19": "/iot_drivers/ping", "18": "/hw_posbox_homepage/ping", legacy: "" }[script.generation]) {
            return new Response(JSON.stringify({ status: "success", message: "pong" }));
        }
        if (this.isOwnRoute(script, path)) return script.status === "fails" ? undefined : new Response(script.body ?? "{}");
        return undefined; // an unknown route answers 404 without CORS headers: the page sees a failure
    }

    private isOwnRoute(script: HostScript & { kind: "box" }, path: string): boolean {
        return path === { "19": "/iot_drivers/data", "18": "/hw_posbox_homepage/data", legacy: "" }[script.generation];
    }

    requestsTo(host: string): number {
        return this.log.filter((line) => new URL(line.split(" ")[1]).host === host).length;
    }
}

export const BODY_19_OK = JSON.stringify({ certificate_end_date: "2027-02-01 00:00:00", db_uuid: "u", enterprise_code: "c" });
