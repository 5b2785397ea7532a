#!/usr/bin/env python3
"""Stand-in for `eforeigner serve --demo`, used only by the harness self-test.

Reads the same environment as the real server (EFOREIGNER_BIND,
EFOREIGNER_SMTP_URL, EFOREIGNER_PUBLIC_URL), answers /healthz, serves two small
accessible pages honouring ?lang=, and on /selftest/send-mail?to=ADDR sends a
multipart, quoted-printable mail with a confirmation link through the SMTP URL.
"""

import html
import os
import secrets
import smtplib
import sys
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

BIND = os.environ["EFOREIGNER_BIND"]
SMTP = urlsplit(os.environ["EFOREIGNER_SMTP_URL"])
PUBLIC = os.environ["EFOREIGNER_PUBLIC_URL"]

PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><a href="/">eForeigner</a></header>
<main><h1>{title}</h1><p>{body}</p></main></body></html>"""


class Handler(BaseHTTPRequestHandler):
    def send(self, status, body, ctype="text/html; charset=utf-8"):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlsplit(self.path)
        q = parse_qs(url.query)
        lang = q.get("lang", ["en"])[0]
        sr = lang.startswith("sr")
        if url.path == "/healthz":
            return self.send(200, "ok", "text/plain")
        if url.path == "/":
            return self.send(200, PAGE.format(lang=lang, title="Početna" if sr else "Home", body="eForeigner"))
        if url.path == "/login":
            return self.send(200, PAGE.format(lang=lang, title="Prijava" if sr else "Log in", body="Log in"))
        if url.path == "/selftest/send-mail":
            to = q["to"][0]
            token = secrets.token_urlsafe(24)
            link = f"{PUBLIC}/confirm-email?token={token}"
            msg = EmailMessage()
            msg["From"] = "eForeigner <noreply@eforeigner.test>"
            msg["To"] = to
            msg["Subject"] = "Potvrdite adresu – Confirm your e-mail address"
            msg.set_content(f"Zdravo, Ćirilica: Здраво!\n\nOpen this link to confirm your address:\n{link}\n\n" + "x" * 120)
            msg.add_alternative(f'<p>Здраво! <a href="{html.escape(link)}">Confirm</a></p>', subtype="html")
            with smtplib.SMTP(SMTP.hostname, SMTP.port) as s:
                s.send_message(msg)
            return self.send(200, PAGE.format(lang="en", title="Sent", body="Mail sent"))
        if url.path == "/confirm-email":
            return self.send(200, PAGE.format(lang="en", title="Confirmed", body=html.escape(q["token"][0])))
        return self.send(404, PAGE.format(lang="en", title="Not found", body="Not found"))

    def log_message(self, fmt, *args):
        sys.stderr.write("fake-server: " + (fmt % args) + "\n")


if __name__ == "__main__":
    host, port = BIND.rsplit(":", 1)
    print(f"fake eforeigner listening on {BIND}; demo user: demo@example.test / demo-password", flush=True)
    ThreadingHTTPServer((host, int(port)), Handler).serve_forever()
