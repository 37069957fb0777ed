/** Mounting helpers for component tests in the browser, in the manner of OWL's own tests. */
import { App } from "@odoo/owl";
import { pollUntil } from "../poll.mjs";

let templates: string | undefined;
let apps: App[] = [];

export async function mountComponent(component: any, props: object, env: object = {}): Promise<HTMLElement> {
    templates ??= await (await fetch("/templates.xml")).text();
    const target = document.getElementById("qunit-fixture")!;
    const app = new App(component, { props, env, templates, test: true, warnIfNoStaticProps: true });
    apps.push(app);
    await app.mount(target);
    return target;
}

export function cleanup(): void {
    for (const app of apps) app.destroy();
    apps = [];
    document.getElementById("qunit-fixture")!.innerHTML = "";
}

/** Waits for the next animation frame, when OWL has flushed its renders. */
export function nextTick(): Promise<void> {
    return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

export function waitFor(condition: () => boolean, what: string, tries = 200): Promise<void> {
    return pollUntil(condition, what, { pause: nextTick, tries });
}

export const text = (el: Element | null) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
