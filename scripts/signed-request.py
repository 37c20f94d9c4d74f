#!/usr/bin/env python3
"""Send one Alibaba Cloud RPC request signed with signature version 1.0 (HMAC-SHA1) or V3.

An independent client written with the Python standard library only (hmac, hashlib,
urllib), used to show that the mock cloud verifies signatures the way the real service
does. By default it calls Cbn DescribeCenBandwidthPackages.

    scripts/signed-request.py --endpoint http://127.0.0.1:8686 \
        --access-key-id LTAI5tMockAccessKeyId --access-key-secret MockAccessKeySecret0123456789

With --signature v3 it signs as Alibaba Cloud's "Request syntax and signature method V3"
describes: ACS3-HMAC-SHA256 in the Authorization header, the action, version, time and
nonce in x-acs-* headers, the parameters in the query for GET and in a form body for POST.

It prints the response body and exits 0 on a 2xx answer, 1 otherwise. The secret can also
come from the ALIBABA_CLOUD_ACCESS_KEY_SECRET environment variable; it is never printed.
"""

import argparse
import base64
import hashlib
import hmac
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid


def percent_encode(value):
    """RFC 3986 encoding: everything but A-Z a-z 0-9 - _ . ~ becomes %XX."""
    return urllib.parse.quote(value, safe="~")


def sign_v1(method, params, secret):
    """Return the base64 HMAC-SHA1 signature (version 1.0) of the request parameters."""
    canonical = "&".join(
        percent_encode(k) + "=" + percent_encode(params[k]) for k in sorted(params)
    )
    string_to_sign = method + "&" + percent_encode("/") + "&" + percent_encode(canonical)
    digest = hmac.new((secret + "&").encode(), string_to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def sha256_hex(data):
    return hashlib.sha256(data).hexdigest()


def authorization_v3(method, query, body, headers, key_id, secret):
    """Return the V3 Authorization header for a request to path /.

    headers maps lower-case names to values; host and every x-acs-* header are signed.
    """
    signed = sorted(k for k in headers if k == "host" or k.startswith("x-acs-"))
    canonical_query = "&".join(
        percent_encode(k) + "=" + percent_encode(query[k]) for k in sorted(query)
    )
    canonical_headers = "".join(k + ":" + headers[k].strip() + "\n" for k in signed)
    canonical_request = "\n".join(
        [method, "/", canonical_query, canonical_headers, ";".join(signed), sha256_hex(body)]
    )
    string_to_sign = "ACS3-HMAC-SHA256\n" + sha256_hex(canonical_request.encode())
    signature = hmac.new(secret.encode(), string_to_sign.encode(), hashlib.sha256).hexdigest()
    return "ACS3-HMAC-SHA256 Credential=%s,SignedHeaders=%s,Signature=%s" % (
        key_id, ";".join(signed), signature)


def request_v1(args, url, params):
    """Build a request signed with version 1.0: common parameters beside the action's."""
    params.update({
        "Action": args.action,
        "Version": args.version,
        "Format": args.format,
        "AccessKeyId": args.access_key_id,
        "SignatureMethod": "HMAC-SHA1",
        "SignatureVersion": "1.0",
        "SignatureNonce": uuid.uuid4().hex,
        "Timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    })
    params["Signature"] = sign_v1(args.method, params, args.access_key_secret)
    encoded = urllib.parse.urlencode(params, quote_via=urllib.parse.quote)
    if args.method == "GET":
        return urllib.request.Request(url + "?" + encoded, method="GET")
    return urllib.request.Request(url, data=encoded.encode(), method="POST",
                                  headers={"Content-Type": "application/x-www-form-urlencoded"})


def request_v3(args, url, params):
    """Build a request signed with V3: the action's parameters only, the rest in headers."""
    params["Format"] = args.format
    headers = {
        "host": urllib.parse.urlsplit(url).netloc,
        "x-acs-action": args.action,
        "x-acs-version": args.version,
        "x-acs-date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "x-acs-signature-nonce": uuid.uuid4().hex,
    }
    query, body = (params, b"") if args.method == "GET" else ({}, urllib.parse.urlencode(
        params, quote_via=urllib.parse.quote).encode())
    headers["x-acs-content-sha256"] = sha256_hex(body)
    headers["authorization"] = authorization_v3(
        args.method, query, body, headers, args.access_key_id, args.access_key_secret)
    if body:
        headers["content-type"] = "application/x-www-form-urlencoded"
    del headers["host"]  # urllib sends it from the URL
    target = url + ("?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote) if query else "")
    return urllib.request.Request(target, data=body or None, method=args.method, headers=headers)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True, help="base URL, e.g. http://127.0.0.1:8686")
    parser.add_argument("--access-key-id", default=os.environ.get("ALIBABA_CLOUD_ACCESS_KEY_ID"))
    parser.add_argument("--access-key-secret", default=os.environ.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET"))
    parser.add_argument("--action", default="DescribeCenBandwidthPackages")
    parser.add_argument("--version", default="2017-09-12")
    parser.add_argument("--region", default="cn-hangzhou")
    parser.add_argument("--method", default="GET", choices=["GET", "POST"])
    parser.add_argument("--format", default="JSON", choices=["JSON", "XML"])
    parser.add_argument("--signature", default="1.0", choices=["1.0", "v3"],
                        help="signature version 1.0 (HMAC-SHA1) or V3 (ACS3-HMAC-SHA256)")
    parser.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                        help="an action parameter; repeat for more")
    args = parser.parse_args()
    if not args.access_key_id or not args.access_key_secret:
        parser.error("--access-key-id and --access-key-secret (or ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET) are required")

    params = {"RegionId": args.region}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep:
            parser.error("--param wants KEY=VALUE, got %r" % item)
        params[key] = value
    url = args.endpoint.rstrip("/") + "/"
    build = request_v3 if args.signature == "v3" else request_v1
    try:
        with urllib.request.urlopen(build(args, url, params), timeout=30) as response:
            print(response.read().decode())
            return 0
    except urllib.error.HTTPError as err:
        print(err.read().decode())
        return 1


if __name__ == "__main__":
    sys.exit(main())
