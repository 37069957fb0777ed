/**
 * One HTTP request to a box: a timeout through an AbortController, a cap on the answer's size,
 * and a result instead of an exception. Boxes sit on the LAN, so the request says so
 * (`targetAddressSpace`), which Chrome's Local Network Access expects; other browsers ignore it.
 */
import { MAX_ANSWER_CHARS } from "../core/parsers";

export interface Net {
    fetch: typeof fetch;
    setTimeout: (handler: () => void, ms: number) => unknown;
    clearTimeout: (id: any) => void;
    now: () => number;
}

export type RequestResult =
    | { kind: "answered"; ms: number; ok: boolean; text?: string; tooLarge?: boolean }
    | { kind: "failed"; ms: number }
    | { kind: "timeout"; ms: number }
    | { kind: "aborted"; ms: number };

export interface RequestOptions {
    /** `no-cors`: only "did DNS and TLS work"; `cors`: also read the answer. */
    mode: "cors" | "no-cors";
    timeoutMs: number;
    signal?: AbortSignal;
}

export async function request(net: Net, url: string, options: RequestOptions): Promise<RequestResult> {
    const started = net.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = net.setTimeout(() => {
        timedOut = true;
        controller.abort();
    }, options.timeoutMs);
    const onAbort = () => controller.abort();
    options.signal?.addEventListener("abort", onAbort);
    const elapsed = () => net.now() - started;
    try {
        // Browsers refuse `no-cors` with any redirect mode but "follow" (Failed to fetch, at
        // once); an opaque answer is never read, so following is harmless. A report is only
        // read from the box's own URL, never from a redirect's target.
        const redirect = options.mode === "no-cors" ? "follow" : "error";
        const init = { mode: options.mode, cache: "no-store", credentials: "omit", redirect, signal: controller.signal, targetAddressSpace: "local" };
        const response = await net.fetch(url, init as RequestInit);
        if (options.mode === "no-cors" || !response.ok) {
            return { kind: "answered", ms: elapsed(), ok: response.ok || response.type.startsWith("opaque") };
        }
        const body = await readCapped(response, MAX_ANSWER_CHARS);
        return { kind: "answered", ms: elapsed(), ok: true, ...body };
    } catch {
        if (timedOut) return { kind: "timeout", ms: elapsed() };
        if (options.signal?.aborted) return { kind: "aborted", ms: elapsed() };
        return { kind: "failed", ms: elapsed() };
    } finally {
        net.clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
    }
}

/** Reads at most `max` characters (plus one, to know it was more) and drops the rest unread. */
async function readCapped(response: Response, max: number): Promise<{ text: string; tooLarge?: boolean }> {
    if (!response.body) {
        const text = await response.text();
        return text.length > max ? { text: text.slice(0, max + 1), tooLarge: true } : { text };
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = "";
    for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        if (text.length > max) {
            await reader.cancel().catch(() => undefined);
            return { text: text.slice(0, max + 1), tooLarge: true };
        }
    }
    return { text: text + decoder.decode() };
}
