// Rewrites i18n/fr.po in the .pot's order and with the .pot's comments (module, odoo-javascript
// or odoo-python, the code references), keeping each msgstr: a term added by hand then reads
// exactly as Odoo's export writes it.
import { readFileSync, writeFileSync } from "node:fs";

const POT = "i18n/iot_https_certificate.pot";
const PO = "i18n/fr.po";

/** Entries of a .po: the comment lines and msgid/msgstr of each, in order. */
function entries(text) {
    return text.trim().split(/\n\s*\n/).map((block) => {
        const lines = block.split("\n");
        const comments = lines.filter((line) => line.startsWith("#"));
        const body = lines.filter((line) => !line.startsWith("#")).join("\n");
        const msgid = /^msgid ((?:".*"\n?)+)/m.exec(body)?.[1].trim();
        const msgstr = /^msgstr ((?:".*"\n?)+)/m.exec(body)?.[1].trim();
        return { comments, msgid, msgstr, block };
    });
}

const translations = new Map(entries(readFileSync(PO, "utf8")).map((entry) => [entry.msgid, entry]));
const [header, ...terms] = entries(readFileSync(PO, "utf8"));
const out = [header.block];
for (const term of entries(readFileSync(POT, "utf8")).slice(1)) {
    const translated = translations.get(term.msgid);
    out.push([...term.comments, `msgid ${term.msgid}`, `msgstr ${translated?.msgstr ?? '""'}`].join("\n"));
}
writeFileSync(PO, `${out.join("\n\n")}\n`);
console.log(`${PO}: ${out.length - 1} terms in the .pot's order (${terms.length} before)`);
