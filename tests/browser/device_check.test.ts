import jsQR from "jsqr";
import { DEVICE_VERDICTS } from "../../static/src/core/device";
import type { DeviceVerdict } from "../../static/src/core/device";
import { DeviceLinkBlock } from "../../static/src/components/device_link/device_link";
import type { DeviceLink } from "../../static/src/components/device_link/device_link";
import { GOOGLE_DNS_HOWTO, verdictText } from "../../static/src/device_check/texts";
import { mountPage } from "../../static/src/device_check/view";
import { qrDrawing } from "../../static/src/qr/qr";
import type { QrDrawing } from "../../static/src/qr/qr";
import { cleanup, mountComponent, text, waitFor } from "./helpers";

const fixture = () => document.getElementById("qunit-fixture")!;

/** What a phone's camera would read: the SVG drawn on a canvas, decoded by jsQR. */
async function scan(svg: SVGSVGElement): Promise<string | undefined> {
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 400;
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0, 400, 400);
    return jsQR(context.getImageData(0, 0, 400, 400).data, 400, 400)?.data;
}

const WHAT: Record<DeviceVerdict, RegExp> = {
    works: /^This device can use the box over HTTPS\./,
    dns_issue: /^This device cannot find the box's name \(DNS issue\)\..*this Android tablet.*Google DNS/,
    certificate_rejected: /^This device rejects the box's certificate\..*date, time and time zone/,
    https_fails: /^This device reaches the box, but not at its HTTPS address\..*Google DNS.*date, time/,
    local_network: /^This browser may not reach devices on the local network yet\..*Local network access.*Check again/,
    unreachable: /^This device cannot reach the box\..*same network as the box/,
    no_address: /^This box has no HTTPS address yet\./,
};

QUnit.module("device page", { afterEach: cleanup }, () => {
    for (const verdict of DEVICE_VERDICTS) {
        QUnit.test(`${verdict}: said in the status region, with this device's steps`, (assert) => {
            const view = mountPage(fixture());
            view.showBox("Shop box", "192-168-1-10.abcd1234.odoo-iot.com");
            view.checking();
            const status = fixture().querySelector<HTMLElement>("[role=status]")!;
            assert.strictEqual(status.getAttribute("aria-busy"), "true");
            view.result(verdict, verdictText(verdict, "android_tablet"), []);
            assert.strictEqual(status.dataset.verdict, verdict);
            assert.strictEqual(status.getAttribute("aria-live"), "polite");
            assert.strictEqual(status.getAttribute("aria-busy"), "false");
            assert.ok(WHAT[verdict].test(text(status)), text(status));
            const howTo = status.querySelector<HTMLAnchorElement>("a");
            if (verdict === "dns_issue" || verdict === "https_fails") {
                assert.strictEqual(howTo?.href, GOOGLE_DNS_HOWTO);
                assert.strictEqual(howTo?.rel, "noopener noreferrer");
            } else {
                assert.strictEqual(howTo, null, "no link but Google's DNS instructions");
            }
            const again = fixture().querySelector<HTMLButtonElement>("button.o_iot_device_again")!;
            assert.ok(!again.hidden && !again.disabled, "Check again");
        });
    }

    QUnit.test("hostile text from the database stays text", (assert) => {
        const view = mountPage(fixture());
        view.showBox(`<img src=x onerror="window.pwned=1">`, "<b>x</b>");
        view.result("works", verdictText("works", "other"), ["<script>window.pwned=1</script>"]);
        assert.strictEqual(fixture().querySelectorAll("img, b, script").length, 0);
        assert.ok(text(fixture()).includes(`<img src=x onerror="window.pwned=1">`));
    });

    QUnit.test("a link that does not work shows no box and no button", (assert) => {
        const view = mountPage(fixture());
        view.problem("This link does not work.", "Ask for the current link.");
        assert.ok(fixture().querySelector<HTMLElement>(".o_iot_device_box")!.hidden);
        assert.ok(fixture().querySelector<HTMLButtonElement>(".o_iot_device_again")!.hidden);
        assert.strictEqual(fixture().querySelector<HTMLElement>("[role=status]")!.dataset.verdict, "problem");
    });
});

QUnit.module("Check another device", { afterEach: cleanup }, () => {
    const link = (canRotate: boolean, n = 1): DeviceLink => ({ url: `https://shop.example.com/iot_https_certificate/device_check#7.${String(n).repeat(32)}`, canRotate });
    const draw = async (url: string): Promise<QrDrawing> => qrDrawing(url);

    QUnit.test("the link as text and as a QR code that reads back to it; no replacing for an IoT user", async (assert) => {
        const copied: string[] = [];
        const target = await mountComponent(DeviceLinkBlock, { load: async () => link(false), rotate: async () => assert.ok(false), copy: async (t: string) => void copied.push(t), draw });
        target.querySelector<HTMLButtonElement>(".o_iot_https_device_open")!.click();
        await waitFor(() => !!target.querySelector(".o_iot_https_qr path"), "the QR code");
        assert.strictEqual(target.querySelector<HTMLInputElement>(".o_iot_https_device_url")!.value, link(false).url);
        assert.strictEqual(await scan(target.querySelector<SVGSVGElement>(".o_iot_https_qr")!), link(false).url);
        assert.strictEqual(target.querySelector(".o_iot_https_device_rotate"), null);
        target.querySelector<HTMLButtonElement>(".o_iot_https_device_copy")!.click();
        await waitFor(() => text(target).includes("Copied"), "Copied");
        assert.deepEqual(copied, [link(false).url]);
    });

    QUnit.test("an IoT administrator replaces the link after confirming; the code follows", async (assert) => {
        let rotations = 0;
        const target = await mountComponent(DeviceLinkBlock, { load: async () => link(true), rotate: async () => (rotations++, link(true, 2)), copy: async () => undefined, draw });
        target.querySelector<HTMLButtonElement>(".o_iot_https_device_open")!.click();
        await waitFor(() => !!target.querySelector(".o_iot_https_device_rotate"), "Replace the link");
        target.querySelector<HTMLButtonElement>(".o_iot_https_device_rotate")!.click();
        await waitFor(() => !!target.querySelector("[role=alertdialog]"), "the confirmation");
        target.querySelector<HTMLButtonElement>(".o_iot_https_device_rotate_cancel")!.click();
        await waitFor(() => !target.querySelector("[role=alertdialog]"), "cancelled");
        assert.strictEqual(rotations, 0);
        target.querySelector<HTMLButtonElement>(".o_iot_https_device_rotate")!.click();
        await waitFor(() => !!target.querySelector(".o_iot_https_device_rotate_confirm"), "the confirmation");
        target.querySelector<HTMLButtonElement>(".o_iot_https_device_rotate_confirm")!.click();
        await waitFor(() => text(target).includes("New link made"), "the new link");
        assert.strictEqual(rotations, 1);
        assert.strictEqual(await scan(target.querySelector<SVGSVGElement>(".o_iot_https_qr")!), link(true, 2).url);
    });

    QUnit.test("a link that cannot be loaded says so, and can be asked again", async (assert) => {
        let fail = true;
        const target = await mountComponent(DeviceLinkBlock, {
            load: async () => (fail ? Promise.reject(new Error("offline")) : link(false)), rotate: async () => link(false), copy: async () => undefined, draw,
        });
        target.querySelector<HTMLButtonElement>(".o_iot_https_device_open")!.click();
        await waitFor(() => text(target).includes("The link could not be loaded"), "the failure");
        fail = false;
        target.querySelector<HTMLButtonElement>(".o_iot_https_device_open")!.click();
        await waitFor(() => !!target.querySelector(".o_iot_https_qr"), "the link");
        assert.ok(true);
    });
});
