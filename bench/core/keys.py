#!/usr/bin/env python3
"""Benchmark API keys, made like ApiKeySecrets.Generate: ava_<prefix>_<secret>, only the SHA-256 of the whole key stored.
   keys.py SQL_OUT KEYS_OUT RECORDS_KEY_OUT farmer_id...  -> SQL inserting one records:read integration key and one
   farmer-bound key (records:read, records:write, query) per farmer id; keys written to the two key files. Every key is
   made with skips_review (as `avaolo create-api-key --no-review`): benchmark questions stay out of the review queue."""
import base64, hashlib, secrets, sys

def make():
    prefix = "ava_b" + secrets.token_hex(5)
    key = prefix + "_" + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")
    return key, prefix, hashlib.sha256(key.encode()).hexdigest()

sql_out, keys_out, records_out, ids = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
with open(sql_out, "w") as sql, open(keys_out, "w") as keys, open(records_out, "w") as rec:
    key, prefix, digest = make()
    sql.write(f"INSERT INTO api_keys (name, prefix, secret_hash, scopes, created_at, skips_review) VALUES "
              f"('bench-records', '{prefix}', decode('{digest}', 'hex'), '{{records:read}}', now(), true);\n")
    rec.write(key + "\n")
    for farmer in ids:
        key, prefix, digest = make()
        sql.write(f"INSERT INTO api_keys (name, prefix, secret_hash, scopes, farmer_id, created_at, skips_review) VALUES "
                  f"('bench-farmer-{farmer}', '{prefix}', decode('{digest}', 'hex'), '{{records:read,records:write,query}}', {int(farmer)}, now(), true);\n")
        keys.write(f"{farmer} {key}\n")
