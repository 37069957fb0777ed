// One check of a JavaScript suite that is not QUnit (end to end, real Odoo): its result is
// `{ name, status, errors }`, as the runners count them. E2E_TRACE=1 prints each name as it
// starts, for a run that hangs or crashes.
export async function check(results, name, fn) {
    if (process.env.E2E_TRACE) console.error(`check: ${name}`);
    try {
        await fn();
        results.push({ name, status: "passed", errors: [] });
    } catch (error) {
        results.push({ name, status: "failed", errors: [String(error?.message ?? error).split("\n").slice(0, 10).join("\n      ")] });
    }
}
