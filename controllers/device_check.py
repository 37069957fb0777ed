import json
from collections.abc import Mapping

from odoo import http
from odoo.http import request
from odoo.tools.translate import code_translations

MODULE = "iot_https_certificate"
# A POST body is a token and a few keys: anything longer is not ours.
MAX_BODY = 2048


class DeviceCheck(http.Controller):
    """The page anyone opens on their own device from a box's link, and its two calls. The
    link's secret is in its fragment: the page is the same for every box, and the secret only
    ever reaches the server in a POST body, never in a URL or a log line."""

    @http.route("/iot_https_certificate/device_check", type="http", auth="public", methods=["GET"], sitemap=False)
    def page(self):
        lang = _page_lang()
        values = {
            **request.env["iot.box"].with_context(lang=lang)._https_device_page_texts(),
            "html_lang": lang.replace("_", "-"),
            "translations": json.dumps(_web_terms(lang), ensure_ascii=False),
        }
        request.update_context(lang=lang)
        response = request.render("iot_https_certificate.device_check_page", values)
        # Never cached, never framed, no referrer: the fragment is the secret.
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @http.route("/iot_https_certificate/device_check/box", type="http", auth="public", methods=["POST"], csrf=False, sitemap=False)
    def box(self):
        box = _box_of_request()
        if not box:
            return _json({"error": "invalid"}, 404)
        # The box's name and address, nothing else of the database.
        return _json({"name": box.name or "", "ip": box.ip or ""})

    @http.route("/iot_https_certificate/device_check/result", type="http", auth="public", methods=["POST"], csrf=False, sitemap=False)
    def result(self):
        body = _body()
        box = _box_of_request(body)
        if not box:
            return _json({"error": "invalid"}, 404)
        user = None if request.env.user._is_public() else request.env.user
        outcome = box._https_device_check_record(body.get("verdict"), body.get("browser"), body.get("system"), user)
        if outcome == "refused":
            return _json({"error": "refused"}, 400)
        return _json({"recorded": True if outcome == "recorded" else outcome})


def _web_terms(lang):
    """The add-on's web-client terms in `lang`, as {term: translation}: what its `_t` reads."""
    # A read-only mapping {"messages": ({"id", "string"}, ...)}, not a dict, from 18.0 on.
    terms = code_translations.get_web_translations(MODULE, lang)
    messages = terms.get("messages", ()) if isinstance(terms, Mapping) else ()
    return {m["id"]: m["string"] for m in messages if m.get("string")}


def _body():
    raw = request.httprequest.get_data(cache=True)[: MAX_BODY + 1]
    if len(raw) > MAX_BODY:
        return {}
    try:
        body = json.loads(raw)
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _box_of_request(body=None):
    body = _body() if body is None else body
    return request.env["iot.box"].sudo()._https_device_check_box(body.get("token"))


def _json(data, status=200):
    response = request.make_json_response(data, status=status)
    response.headers["Cache-Control"] = "no-store"
    return response


def _page_lang():
    """The device's language: a logged-in user's own, else the browser's first language the
    database has installed, else English."""
    installed = [code for code, _name in request.env["res.lang"].sudo().get_installed()]
    if not request.env.user._is_public() and request.env.user.lang in installed:
        return request.env.user.lang
    for wanted, _quality in request.httprequest.accept_languages:
        wanted = wanted.replace("-", "_")
        for code in installed:
            if code.lower() == wanted.lower():
                return code
        for code in installed:
            if code.split("_")[0].lower() == wanted.split("_")[0].lower():
                return code
    return "en_US" if "en_US" in installed else (installed[0] if installed else "en_US")
