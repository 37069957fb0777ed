// Waiting for a condition, never for a fixed time: the one helper both the browser suite and
// the end-to-end tests use. `pause` says what "a moment" is where it runs (an animation frame
// in the page, a timer turn in Node).

/** Resolves once `condition()` holds; rejects, naming `what`, after `tries` pauses. */
export async function pollUntil(condition, what, { pause, tries = 200 }) {
    for (let i = 0; i < tries; i++) {
        if (condition()) return;
        await pause();
    }
    throw new Error(`timed out waiting for ${what}`);
}
