// Where a page's main thread spends its time during one action: a Chromium trace (the
// DevTools timeline categories), reduced to self time per event name on the renderer's main
// thread, so script, style, layout, paint and garbage collection each get their own figure.

const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink.user_timing"].join(",");

/**
 * Runs `action` under a trace; answers the main thread's self time in ms per event name, and
 * how many times each event ran.
 */
export async function traceSelfTimes(cdp, action) {
    const events = [];
    const collect = ({ value }) => events.push(...value);
    cdp.on("Tracing.dataCollected", collect);
    const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
    try {
        await action();
    } finally {
        await cdp.send("Tracing.end");
        await complete;
        cdp.off("Tracing.dataCollected", collect);
    }
    const main = events.filter(onMainThread(events));
    const count = new Map();
    for (const event of main) count.set(event.name, (count.get(event.name) ?? 0) + 1);
    return { self: selfTimes(main), count };
}

/** The renderer's main thread: the thread named CrRendererMain that recorded the most work. */
function onMainThread(events) {
    const mains = events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`);
    const busy = new Map(mains.map((key) => [key, 0]));
    for (const e of events) if (e.ph === "X" && busy.has(`${e.pid}:${e.tid}`)) busy.set(`${e.pid}:${e.tid}`, busy.get(`${e.pid}:${e.tid}`) + e.dur);
    const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
    return (e) => `${e.pid}:${e.tid}` === main && e.ph === "X" && typeof e.dur === "number";
}

/**
 * Self time: an event's duration minus that of the events nested in it (a forced layout inside
 * a script call is layout, not script). Complete events on one thread nest by time.
 */
function selfTimes(events) {
    events.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const self = new Map();
    const stack = [];
    for (const event of events) {
        while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= event.ts) stack.pop();
        const parent = stack.at(-1);
        if (parent) self.set(parent.name, self.get(parent.name) - event.dur / 1000);
        self.set(event.name, (self.get(event.name) ?? 0) + event.dur / 1000);
        stack.push(event);
    }
    return self;
}
