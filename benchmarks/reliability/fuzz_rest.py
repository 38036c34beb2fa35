#!/usr/bin/env python3
"""Fuzzes a running RecSys-Lite server on the loopback interface and counts what went wrong.

Usage: fuzz_rest.py BASE_URL API_KEY REQUESTS SECONDS SEED

Every request is a random mix of the server's own routes and wrong ones: methods, query parameters
(missing, repeated, huge, non-ASCII, control characters, numbers out of range), JSON bodies (valid
events, wrong types, deep nesting, truncated, huge batches), headers (API key right, wrong, absent;
odd content types). The server must answer every one with a status below 500 (503 with Retry-After
is allowed: a busy store) and an error body that is JSON with an "error" field; it must stay up.
Prints one line of counts; exits non-zero when any request got a 5xx, a non-JSON error, no answer,
or the server stopped answering /health. Bounded by REQUESTS and SECONDS; talks to BASE_URL only.
"""
import http.client
import json
import random
import sys
import time
import urllib.parse

PATHS = ["/recommend", "/similar-items", "/events", "/stats", "/health", "/metrics", "/openapi.json",
         "/gdpr/export", "/gdpr/users/user_{u}", "/gdpr/users/", "/img/x.svg", "/dashboard/", "/",
         "/no-such", "/recommend/", "//recommend", "/%2e%2e/etc/passwd", "/events?x=1"]
METHODS = ["GET", "GET", "GET", "POST", "POST", "DELETE", "PUT", "PATCH", "OPTIONS", "HEAD"]
PARAMS = ["user_id", "session_id", "item_id", "recent_items", "k", "fallback", "explain", "category", "brand",
          "min_price", "max_price", "in_stock", "days", "confidence", "exclude_seen", "filter"]


def odd_value(rnd):
    return rnd.choice([
        "", "user_1", "item_3", "nobody", "-1", "0", "5", "101", "1e9", "99999999999999999999", "NaN", "abc",
        "true", "maybe", "popular", "random", "a,b,,c", "item_1,item_2", "\u00e9\u00e8\u4e2d", "x" * rnd.choice([1, 300, 5000]),
        "%00", "\t", "..", "' OR 1=1 --", "${jndi:ldap://127.0.0.1/x}", "\x7f\x01",
    ])


def query(rnd):
    parts = []
    for _ in range(rnd.randrange(0, 5)):
        parts.append((rnd.choice(PARAMS), odd_value(rnd)))
    return urllib.parse.urlencode(parts, safe=",")


def event(rnd):
    e = {}
    for field, values in [("user_id", ["user_1", "user_2", "", None, 7, ["a"], "u" * 300, "new user"]),
                          ("session_id", ["s1", None, "", {"a": 1}]),
                          ("item_id", ["item_1", "item_2", "nope", "", None, 3.5]),
                          ("event_type", ["view", "click", "impression", "purchase", "add_to_cart", "", "WEIRD", 1]),
                          ("ts", [None, 1700000000, -5, 10**15, "yesterday", 1.5]),
                          ("qty", [None, 1, 0, -3, 10**10, "two"]),
                          ("recommendation_id", [None, "r-1", "", 12])]:
        if rnd.random() < 0.8:
            e[field] = rnd.choice(values)
    return e


def body(rnd):
    kind = rnd.randrange(9)
    if kind == 0:
        return b""
    if kind == 1:
        return json.dumps(event(rnd)).encode()
    if kind == 2:
        return json.dumps([event(rnd) for _ in range(rnd.randrange(1, 20))]).encode()
    if kind == 3:
        return json.dumps([event(rnd)] * rnd.choice([1001, 5000, 20000])).encode()
    if kind == 4:
        return ("[" * rnd.choice([10, 1000, 100000])).encode()
    if kind == 5:
        return json.dumps([event(rnd)])[:-rnd.randrange(1, 10)].encode()
    if kind == 6:
        return bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 2000)))
    if kind == 7:
        return b'{"user_id": "user_1", "item_id": "item_1", "event_type": "view"}' * rnd.randrange(2, 5)
    return json.dumps({"events": [event(rnd)]}).encode()


def headers(rnd, key):
    h = {}
    r = rnd.random()
    if r < 0.4:
        h["X-API-Key"] = key
    elif r < 0.6:
        h["X-API-Key"] = rnd.choice(["wrong", "", key + "x", "\u00e9"])
    h["Content-Type"] = rnd.choice(["application/json", "text/plain", "application/x-www-form-urlencoded", "",
                                    "application/json; charset=latin1"])
    if rnd.random() < 0.3:
        h["Origin"] = rnd.choice(["https://evil.example", "null", "http://127.0.0.1"])
    return h


def main():
    base, key, requests, seconds, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
    host = urllib.parse.urlparse(base)
    if host.hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("fuzz_rest.py only talks to the loopback interface, not " + base)
    rnd = random.Random(seed)
    counts = {"requests": 0, "2xx": 0, "4xx": 0, "503": 0, "5xx": 0, "non_json_error": 0, "no_answer": 0,
              "closed_before_body_sent": 0}
    failures = []
    deadline = time.monotonic() + seconds
    while counts["requests"] < requests and time.monotonic() < deadline:
        method = rnd.choice(METHODS)
        path = rnd.choice(PATHS).format(u=rnd.randrange(200))
        q = query(rnd)
        target = path + ("?" + q if q and "?" not in path else "")
        data = body(rnd) if method in ("POST", "PUT", "PATCH", "DELETE") and rnd.random() < 0.9 else None
        counts["requests"] += 1
        conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
        try:
            try:
                conn.request(method, target, body=data, headers=headers(rnd, key))
            except (BrokenPipeError, ConnectionResetError):
                # the server answered before reading a body it refuses (e.g. a big one to a wrong
                # path) and closed: legal HTTP; its answer is still to be read
                counts["closed_before_body_sent"] += 1
            resp = conn.getresponse()
            payload = resp.read()
            status = resp.status
        except (OSError, http.client.HTTPException) as e:
            counts["no_answer"] += 1
            failures.append(f"{method} {target[:120]}: no answer ({e})")
            continue
        finally:
            conn.close()
        if status == 503:
            counts["503"] += 1
        elif status >= 500:
            counts["5xx"] += 1
            failures.append(f"{method} {target[:120]}: {status} {payload[:200]!r}")
        elif status >= 400:
            counts["4xx"] += 1
        else:
            counts["2xx"] += 1
        if status >= 400 and method != "HEAD":
            try:
                if "error" not in json.loads(payload):
                    raise ValueError("no error field")
            except ValueError:
                counts["non_json_error"] += 1
                failures.append(f"{method} {target[:120]}: {status} non-JSON error {payload[:200]!r}")
    try:
        conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
        conn.request("GET", "/health")
        healthy = conn.getresponse().status == 200
    except (OSError, http.client.HTTPException):
        healthy = False
    for f in failures[:20]:
        print("  " + f, file=sys.stderr)
    print(", ".join(f"{v} {k}" for k, v in counts.items()) + f", healthy after: {'yes' if healthy else 'NO'}")
    bad = counts["5xx"] + counts["non_json_error"] + counts["no_answer"]
    sys.exit(0 if bad == 0 and healthy else 1)


if __name__ == "__main__":
    main()
