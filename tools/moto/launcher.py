#!/usr/bin/env python3
"""Starts moto on 127.0.0.1 for claude-baseline's tests, with the IAM APIs moto 5.2.1 lacks.

moto does not implement IAM's service-specific credentials (the long-term Claude API keys), so this
launcher adds Create/List/Update/DeleteServiceSpecificCredential handlers to moto's IAM responder before
starting the server. Their state lives on the IAMBackend instance, so POST /moto-api/reset wipes it with
everything else.

Protocol with the caller (core/src/test/java/io/claudebaseline/testing/MotoServer.java):
  * stdout: exactly one line, "port=<n>", once the server accepts requests;
  * the server runs until stdin is closed (the JVM exited) or SIGTERM/SIGINT arrives.

Usage: python3 tools/moto/launcher.py [--port N]   (0, the default, picks a free port)
"""

import argparse
import datetime
import logging
import os
import secrets
import signal
import string
import sys
import threading


def _fail(message):
    sys.stderr.write("claude-baseline moto launcher: " + message + "\n")
    sys.exit(3)


try:
    from moto.core.responses import ActionResult, EmptyResult
    from moto.iam.exceptions import IAMException, NotFoundException
    from moto.iam.responses import IamResponse
    from moto.moto_server.threaded_moto_server import ThreadedMotoServer
except ImportError as e:  # pragma: no cover - environment problem
    _fail("moto with its server extras is required (pip install 'moto[server]==5.2.1'): %s" % e)


class _InvalidInput(IAMException):
    code = "InvalidInput"

    def __init__(self, message):
        super().__init__(self.code, message)


def _credentials(backend):
    """Service-specific credentials of one account, keyed by id; created lazily so reset() drops them."""
    store = getattr(backend, "_claude_baseline_sscs", None)
    if store is None:
        store = {}
        backend._claude_baseline_sscs = store
    return store


def _public(cred):
    """The listing shape: never the password or secret."""
    return {k: v for k, v in cred.items() if k not in ("ServicePassword", "ServiceCredentialSecret")}


def create_service_specific_credential(self):
    user_name = self._get_param("UserName")
    service_name = self._get_param("ServiceName")
    age_days = self._get_param("CredentialAgeDays")
    self.backend.get_user(user_name)  # NoSuchEntity when the user does not exist, as AWS does
    if not service_name:
        raise _InvalidInput("ServiceName is required.")
    store = _credentials(self.backend)
    if sum(1 for c in store.values() if c["UserName"] == user_name and c["ServiceName"] == service_name) >= 2:
        raise _InvalidInput("Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: 2")
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    cred_id = "ACCA" + "".join(secrets.choice(string.ascii_uppercase + string.digits) for _ in range(17))
    cred = {
        "CreateDate": now,
        "ServiceName": service_name,
        "ServiceUserName": "%s-at-%s" % (user_name, self.current_account),
        # A random fake; moto's state never holds a real secret and nothing here logs it.
        "ServicePassword": secrets.token_urlsafe(30),
        "ServiceSpecificCredentialId": cred_id,
        "UserName": user_name,
        "Status": "Active",
    }
    if age_days:
        cred["ExpirationDate"] = now + datetime.timedelta(days=int(age_days))
    store[cred_id] = cred
    return ActionResult({"ServiceSpecificCredential": cred})


def list_service_specific_credentials(self):
    user_name = self._get_param("UserName")
    service_name = self._get_param("ServiceName")
    all_users = str(self._get_param("AllUsers", "false")).lower() == "true"
    if user_name and all_users:
        raise _InvalidInput("UserName and AllUsers cannot both be specified.")
    if user_name:
        self.backend.get_user(user_name)
    creds = []
    for cred in _credentials(self.backend).values():
        if service_name and cred["ServiceName"] != service_name:
            continue
        if user_name and cred["UserName"] != user_name:
            continue
        creds.append(_public(cred))
    return ActionResult({"ServiceSpecificCredentials": creds, "IsTruncated": False})


def _find(self):
    cred_id = self._get_param("ServiceSpecificCredentialId")
    user_name = self._get_param("UserName")
    cred = _credentials(self.backend).get(cred_id)
    if cred is None or (user_name and cred["UserName"] != user_name):
        raise NotFoundException("No such credential %s." % cred_id)
    return cred


def update_service_specific_credential(self):
    status = self._get_param("Status")
    if status not in ("Active", "Inactive", "Expired"):
        raise _InvalidInput("Status must be Active or Inactive.")
    _find(self)["Status"] = status
    return EmptyResult()


def delete_service_specific_credential(self):
    cred = _find(self)
    del _credentials(self.backend)[cred["ServiceSpecificCredentialId"]]
    return EmptyResult()


def install_handlers():
    IamResponse.create_service_specific_credential = create_service_specific_credential
    IamResponse.list_service_specific_credentials = list_service_specific_credentials
    IamResponse.update_service_specific_credential = update_service_specific_credential
    IamResponse.delete_service_specific_credential = delete_service_specific_credential


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0: a free one)")
    args = parser.parse_args()

    # Request logging on every call would swamp the caller's pipe during large benchmarks.
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    install_handlers()

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=args.port, verbose=False)
    server.start()
    _, port = server.get_host_and_port()
    sys.stdout.write("port=%d\n" % port)
    sys.stdout.flush()

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())

    def watch_stdin():
        # The parent holds our stdin; EOF means it is gone, so we never outlive it.
        try:
            while sys.stdin.read(4096):
                pass
        except (OSError, ValueError):
            pass
        stop.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    stop.wait()
    server.stop()


if __name__ == "__main__":
    main()
