/**
 * The probes of one box, as few requests as the answers allow:
 *
 * 1. the status endpoint of the box's generation over `https://<name>` (CORS `*`): one request
 *    tells that DNS and TLS work and brings the box's own report;
 * 2. when that fails, the hello (CORS) tells a box whose Odoo answers (a wrong generation
 *    guess, a failing status route) from one that does not; when nothing readable answers, a
 *    `no-cors` request tells a server that answers without the box (the box's nginx and its
 *    502 page) from a TLS or DNS failure; when only the hello answers, each status route's
 *    own ping tells a failing route from a hello-only box;
 * 3. when the name fails, or the address is a plain IP, the LAN path `http://<lan-ip>:8069`
 *    (hello first, then the status endpoint);
 * 4. when the name fails but the box answers on its IP, `http://<name>:8069` (no-cors, only from
 *    an http page: https pages may not fetch http names) tells DNS from a refused certificate.
 *
 * The generation found is remembered by the caller and tried first next time.
 */
import { LAN_PORT } from "../core/address";
import type { BoxAddress } from "../core/address";
import type { Generation } from "../core/generation";
import type { BoxObservations, LocalNetworkPermission, ParsedAnswer, ProbeResult } from "../core/observations";
import { isPong, parseHello, parseHomepageData, parseIotDriversData } from "../core/parsers";
import { request } from "./request";
import type { Net, RequestResult } from "./request";

export interface ProbeNet extends Net {
    pageProtocol: () => string;
    localNetworkPermission: () => Promise<LocalNetworkPermission>;
    /** Runs a request under the fleet-wide concurrency cap. */
    limit: <T>(task: () => Promise<T>) => Promise<T>;
}

export interface ProbeTarget {
    address: BoxAddress;
    /** Generations to try, most likely first. */
    order: Generation[];
    /** The generation an earlier check found, if any: its answer alone settles the question. */
    known?: Generation;
    timeoutMs: number;
    signal?: AbortSignal;
}

export interface ProbeOutcome {
    observations: BoxObservations;
    generation?: Generation;
    aborted: boolean;
}

const ENDPOINTS: Record<Generation, { path: string; parse: (text: unknown) => ParsedAnswer }> = {
    "19": { path: "iot_drivers/data", parse: parseIotDriversData },
    "18": { path: "hw_posbox_homepage/data", parse: parseHomepageData },
    legacy: { path: "hw_proxy/hello", parse: parseHello },
};

/** How long the hello may take after a status route timed out (see `ask`). */
export const HELLO_AFTER_TIMEOUT_MS = 2_000;

/** Each status route's sibling that answers `pong` (current 17.0 and later). */
const PINGS: Record<Exclude<Generation, "legacy">, string> = {
    "19": "iot_drivers/ping",
    "18": "hw_posbox_homepage/ping",
};

export async function probeBox(net: ProbeNet, target: ProbeTarget): Promise<ProbeOutcome> {
    const { address } = target;
    let aborted = false;
    const send = async (url: string, mode: "cors" | "no-cors", timeoutMs = target.timeoutMs): Promise<RequestResult> => {
        const result = await net.limit(() => request(net, url, { mode, timeoutMs, signal: target.signal }));
        if (result.kind === "aborted") aborted = true;
        return result;
    };
    const observations: BoxObservations = { pageProtocol: net.pageProtocol(), checkedAt: 0 };
    let generation: Generation | undefined;

    // Every generation answers the hello's "ping": it tells a 16/17 box only once the newer
    // status endpoints were tried and gave nothing, or once an earlier check found that.
    const settled = () =>
        observations.report?.kind === "report" || (observations.report?.kind === "alive" && target.known === "legacy");
    const pinged = (result: RequestResult) => result.kind === "answered" && result.ok && observations.report?.kind === "alive";

    /**
     * Asks the box at `base`: the likeliest endpoint first. When that does not settle it, the
     * hello (CORS, as every box serves it) tells whether the box's Odoo answers at all, then the
     * other endpoints. When nothing readable answers, a `no-cors` request tells a server that
     * answers without the box (a front's error page) from a name or path that fails. Returns
     * what says whether the box is reachable this way.
     */
    const ask = async (base: string): Promise<RequestResult> => {
        const [first, ...rest] = target.order;
        const tried = await askEndpoint(base, first);
        if (settled() || tried.kind === "aborted") return tried;
        if (tried.kind === "timeout") {
            if (first === "legacy") return tried;
            // A box whose Odoo is up says "ping" in milliseconds: a short wait tells a status
            // route that hangs (the box stuck asking odoo.com) from a silent box.
            const hello = await askEndpoint(base, "legacy", HELLO_AFTER_TIMEOUT_MS);
            if (!pinged(hello)) return tried;
            observations.statusRoute = "timeout";
            observations.statusGeneration = first;
            return hello;
        }
        const hello = first === "legacy" ? tried : await askEndpoint(base, "legacy");
        if (!(hello.kind === "answered" && hello.ok)) {
            if (hello.kind === "timeout" || hello.kind === "aborted") return hello;
            const raw = await send(`${base}hw_proxy/hello`, "no-cors");
            if (raw.kind === "answered") observations.statusRoute = "silent";
            return raw;
        }
        for (const candidate of rest) {
            if (aborted || candidate === "legacy") continue;
            await askEndpoint(base, candidate);
            if (observations.report?.kind === "report") break;
        }
        // Only a box that answers its status route counts as reporting. A box whose status route
        // gave nothing while that route's own ping answers has the route, and it failed (a 500
        // without CORS looks like a missing route): it is not a hello-only box.
        for (const candidate of target.order) {
            if (observations.report?.kind !== "alive" || candidate === "legacy" || aborted) continue;
            const ping = await send(base + PINGS[candidate], "cors");
            if (ping.kind === "answered" && ping.ok && isPong(ping.text)) {
                observations.statusRoute = "failed";
                observations.statusGeneration = candidate;
                generation = candidate;
                break;
            }
        }
        return hello;
    };
    const askEndpoint = async (base: string, candidate: Generation, timeoutMs = target.timeoutMs): Promise<RequestResult> => {
        const result = await send(base + ENDPOINTS[candidate].path, "cors", timeoutMs);
        if (result.kind === "answered" && result.ok) {
            const parsed: ParsedAnswer = result.tooLarge
                ? { kind: "unreadable", reason: "too_large", excerpt: "" }
                : ENDPOINTS[candidate].parse(result.text);
            if (parsed.kind === "unreadable") {
                // A status endpoint's garbage says more than the hello's "ping"; the generation
                // stays unknown, so the next check asks every endpoint again.
                if (observations.report?.kind !== "report" && observations.report?.kind !== "unreadable") {
                    observations.report = parsed;
                    generation = undefined;
                }
            } else if (parsed.kind === "alive" && observations.report?.kind === "unreadable") {
                // A status endpoint answered garbage: that says more than the hello's "ping".
            } else {
                observations.report = parsed;
                generation = candidate;
            }
        }
        return result;
    };

    if (address.kind === "named") observations.name = toProbe(await ask(address.httpsUrl));
    const nameFailed = observations.name !== undefined && observations.name.kind !== "answered";
    if ((address.kind === "plain_ip" || (address.kind === "named" && nameFailed)) && !aborted) {
        observations.lan = toProbe(await ask(address.lanUrl));
        const boxAnswered = observations.lan.kind === "answered";
        if (address.kind === "named" && boxAnswered && !aborted) {
            observations.nameHttp =
                observations.pageProtocol === "http:"
                    ? toProbe(await send(`http://${address.hostname}:${LAN_PORT}/hw_proxy/hello`, "no-cors"))
                    : { kind: "skipped", reason: "page_protocol" };
        }
        if (!boxAnswered && !aborted) observations.localNetwork = await net.localNetworkPermission();
    }
    observations.checkedAt = net.now();
    return { observations, generation, aborted };
}

function toProbe(result: RequestResult): ProbeResult {
    if (result.kind === "answered") return { kind: "answered", ms: result.ms };
    if (result.kind === "timeout") return { kind: "timeout", ms: result.ms };
    return { kind: "failed", ms: result.ms };
}
