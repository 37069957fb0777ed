/**
 * The device page's DOM, built with text nodes only: a box's name or answer is never markup.
 * One `role=status` region exists from the start, so each result is announced when it lands.
 */
import type { DeviceVerdict } from "../core/device";
import { GOOGLE_DNS_HOWTO } from "./texts";
import type { VerdictText } from "./texts";
import { _t } from "./translate";

export interface PageView {
    showBox(name: string, address: string): void;
    checking(): void;
    result(verdict: DeviceVerdict, text: VerdictText, notes: string[]): void;
    /** A page that shows no box: an invalid or replaced link, or a database that did not answer. */
    problem(title: string, cause: string): void;
    recorded(text: string): void;
    onCheckAgain(handler: () => void): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
}

export function mountPage(root: HTMLElement): PageView {
    root.replaceChildren();
    const heading = el("h1", "o_iot_device_heading", _t("Check this device"));
    const box = el("p", "o_iot_device_box");
    box.hidden = true;
    const status = el("section", "o_iot_device_result");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    const again = el("button", "o_iot_device_again", _t("Check again"));
    again.type = "button";
    again.hidden = true;
    const recorded = el("p", "o_iot_device_recorded");
    root.append(heading, box, status, again, recorded);

    const fill = (verdict: string, parts: Node[]) => {
        status.dataset.verdict = verdict;
        status.setAttribute("aria-busy", String(verdict === "checking"));
        status.replaceChildren(...parts);
    };
    return {
        showBox(name, address) {
            box.replaceChildren(el("span", "o_iot_device_label", _t("IoT box")), " ", el("strong", "o_iot_device_name", name), " ", el("span", "o_iot_device_address", address));
            box.hidden = false;
        },
        checking() {
            again.disabled = true;
            recorded.textContent = "";
            fill("checking", [el("p", "o_iot_device_title", _t("Checking this device…"))]);
        },
        result(verdict, text, notes) {
            const parts: Node[] = [el("h2", "o_iot_device_title", text.title), el("p", "o_iot_device_cause", text.cause)];
            if (text.steps.length) {
                const list = el("ol", "o_iot_device_steps");
                for (const step of text.steps) list.append(el("li", "", step));
                parts.push(list);
            }
            if (text.dnsHowTo) {
                const link = el("a", "o_iot_device_dns_howto", text.dnsHowTo);
                link.href = GOOGLE_DNS_HOWTO;
                link.target = "_blank";
                link.rel = "noopener noreferrer";
                const line = el("p", "");
                line.append(link);
                parts.push(line);
            }
            for (const note of notes) parts.push(el("p", "o_iot_device_note", note));
            fill(verdict, parts);
            again.hidden = false;
            again.disabled = false;
        },
        problem(title, cause) {
            box.hidden = true;
            again.hidden = true;
            fill("problem", [el("h2", "o_iot_device_title", title), el("p", "o_iot_device_cause", cause)]);
        },
        recorded(text) {
            recorded.textContent = text;
        },
        onCheckAgain(handler) {
            again.addEventListener("click", handler);
        },
    };
}
