/**
 * The device page: anyone with the box's link checks, from their own device, whether it can
 * use the box over HTTPS, with the add-on's own probes and diagnosis. The verdict goes back to
 * the box's history; it is never stored as a fact about the box.
 */
import { parseBoxAddress, shorten } from "../core/address";
import type { BoxAddress } from "../core/address";
import { getCatalog } from "../core/catalog";
import { deviceKindOf, deviceVerdictOf } from "../core/device";
import type { DeviceVerdict } from "../core/device";
import { diagnose } from "../core/diagnosis";
import type { Verdict } from "../core/diagnosis";
import { generationOrder } from "../core/generation";
import { localNetworkPermission, netOf } from "../store/browser_net";
import { probeBox } from "../store/probes";
import { fetchBox, secretOf, sendResult } from "./server";
import type { Recorded } from "./server";
import { verdictText } from "./texts";
import { _t, setTranslations } from "./translate";
import { mountPage } from "./view";
import type { PageView } from "./view";

/** As long as the web client waits for a box. */
const TIMEOUT_MS = 8_000;

function notesFor(verdict: Verdict, works: boolean): string[] {
    if (verdict.generation === "legacy") {
        return [_t("This box's software only answers that it is there: this page can tell whether this device reaches it over HTTPS, not the state of its certificate.")];
    }
    if (works && verdict.key !== "ok") {
        return [_t("The box itself has a problem, the same from every device; your IoT administrator sees it in the IoT app:") + " " + getCatalog().entries[verdict.key].label];
    }
    return [];
}

const RECORDED: Record<Recorded, () => string> = {
    recorded: () => _t("This result is now in the box's history, for your IoT administrator."),
    recent: () => _t("The same result from this link is already in the box's history (less than 10 minutes ago)."),
    failed: () => _t("This result could not be added to the box's history. It is still right for this device."),
};

/** What this device can do with the box, and the notes under it. */
async function checkFromHere(address: BoxAddress): Promise<{ verdict: DeviceVerdict; notes: string[] }> {
    // Without an HTTPS name there is nothing this device could use: no probe.
    if (address.kind !== "named") return { verdict: "no_address", notes: [] };
    const outcome = await probeBox(
        { ...netOf(window), pageProtocol: () => location.protocol, localNetworkPermission: () => localNetworkPermission(window), limit: (task) => task() },
        { address, order: generationOrder(undefined, undefined, undefined), timeoutMs: TIMEOUT_MS }
    );
    const diagnosis = diagnose(address, outcome.observations, Date.now());
    const verdict = deviceVerdictOf(address, diagnosis) ?? "unreachable";
    return { verdict, notes: notesFor(diagnosis, verdict === "works") };
}

async function run(view: PageView): Promise<void> {
    const secret = secretOf(window.location.hash);
    const invalid = () => view.problem(_t("This link does not work."), _t("It may be incomplete, or a newer link replaced it. Ask your IoT administrator for the current link."));
    if (!secret) return invalid();
    view.checking();
    const box = await fetchBox(secret);
    if (box.kind === "invalid") return invalid();
    if (box.kind === "unavailable") return view.problem(_t("The check could not start."), _t("The database did not answer. Check your connection, then open the link again."));
    const address = parseBoxAddress(box.ip);
    const shown = address.kind === "named" ? address.hostname : address.kind === "plain_ip" ? address.lanIp : "";
    view.showBox(shorten(box.name), shown);
    const device = deviceKindOf(navigator.userAgent, navigator.maxTouchPoints);

    const check = async () => {
        view.checking();
        const { verdict, notes } = await checkFromHere(address);
        view.result(verdict, verdictText(verdict, device.system), notes);
        view.recorded(RECORDED[await sendResult(secret, verdict, device)]());
    };
    view.onCheckAgain(() => void check());
    await check();
}

const root = document.getElementById("o_iot_device_check");
if (root) {
    try {
        setTranslations(JSON.parse(root.dataset.translations ?? "{}"));
    } catch {
        setTranslations({});
    }
    void run(mountPage(root));
    // Another link pasted in this tab is another box: start again from it.
    window.addEventListener("hashchange", () => window.location.reload());
}
