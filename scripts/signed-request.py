#!/usr/bin/env python3
"""Send one Alibaba Cloud RPC request signed with signature version 1.0 (HMAC-SHA1).

An independent client written with the Python standard library only (hmac, hashlib,
urllib), used to show that the mock cloud verifies signatures the way the real service
does. By default it calls Cbn DescribeCenBandwidthPackages.

    scripts/signed-request.py --endpoint http://127.0.0.1:8686 \
        --access-key-id LTAI5tMockAccessKeyId --access-key-secret MockAccessKeySecret0123456789

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


def sign(method, params, secret):
    """Return the base64 HMAC-SHA1 signature of the request parameters."""
    canonical = "&".join(
        percent_encode(k) + "=" + percent_encode(params[k]) for k in sorted(params)
    )
    string_to_sign = method + "&" + percent_encode("/") + "&" + percent_encode(canonical)
    digest = hmac.new((secret + "&").encode(), string_to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


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
    parser.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                        help="an action parameter; repeat for more")
    args = parser.parse_args()
    if not args.access_key_id or not args.access_key_secret:
        parser.error("--access-key-id and --access-key-secret (or ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET) are required")

    params = {
        "Action": args.action,
        "Version": args.version,
        "Format": args.format,
        "RegionId": args.region,
        "AccessKeyId": args.access_key_id,
        "SignatureMethod": "HMAC-SHA1",
        "SignatureVersion": "1.0",
        "SignatureNonce": uuid.uuid4().hex,
        "Timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep:
            parser.error("--param wants KEY=VALUE, got %r" % item)
        params[key] = value
    params["Signature"] = sign(args.method, params, args.access_key_secret)

    body = urllib.parse.urlencode(params, quote_via=urllib.parse.quote)
    url = args.endpoint.rstrip("/") + "/"
    if args.method == "GET":
        request = urllib.request.Request(url + "?" + body, method="GET")
    else:
        request = urllib.request.Request(url, data=body.encode(), method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            print(response.read().decode())
            return 0
    except urllib.error.HTTPError as err:
        print(err.read().decode())
        return 1


if __name__ == "__main__":
    sys.exit(main())
