/**
 * The demo's `browser.fetch` when it runs in an ordinary browser: the page cannot trust the
 * throwaway test CA nor resolve the boxes' names, so the demo server makes each request for it
 * (real TLS against the test CA, real DNS failures, real timeouts) and says what happened.
 * The page then sees exactly what a browser's fetch shows: an answer, or "Failed to fetch".
 */
export function relayFetch(nativeFetch: typeof fetch): typeof fetch {
    return async (input, init) => {
        const mode = init?.mode === "no-cors" ? "no-cors" : "cors";
        const relayed = await nativeFetch(`/relay?mode=${mode}&url=${encodeURIComponent(String(input))}`, {
            signal: init?.signal,
            cache: "no-store",
        });
        if (relayed.headers.get("x-relay") !== "answered") throw new TypeError("Failed to fetch");
        if (mode === "no-cors") return new Response(null, { status: 200 });
        // A cross-origin read needs the box's CORS header, as in a browser.
        if (relayed.headers.get("x-relay-cors") !== "*") throw new TypeError("Failed to fetch");
        return new Response(relayed.body, { status: relayed.status });
    };
}
