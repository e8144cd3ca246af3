"""Editors' logins: hashed outside git, limited failures, the CLI that creates them."""

from __future__ import annotations

import io
import stat

import pytest

from koopatlas import auth, cli, config


def test_passwords_are_stored_only_as_argon2_hashes_in_a_private_file(tmp_path):
    users = tmp_path / "users.json"
    assert auth.add_user("anna", "sehr-geheimes-wort", users) is True
    text = users.read_text(encoding="utf-8")
    assert "sehr-geheimes-wort" not in text and "$argon2id$" in text
    assert stat.S_IMODE(users.stat().st_mode) == 0o600
    assert auth.verify("anna", "sehr-geheimes-wort", users)
    assert not auth.verify("anna", "sehr-geheimes-wurst", users)
    assert not auth.verify("bert", "sehr-geheimes-wort", users)


def test_short_passwords_and_odd_names_are_refused(tmp_path):
    with pytest.raises(auth.AuthError, match="at least"):
        auth.add_user("anna", "kurz", tmp_path / "u.json")
    with pytest.raises(auth.AuthError, match="user name"):
        auth.add_user("anna; drop", "lang-genug-passwort", tmp_path / "u.json")


def test_the_default_user_file_is_outside_the_repository(monkeypatch, tmp_path):
    monkeypatch.delenv("KOOPATLAS_USERS", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert config.users_path() == tmp_path / "koopatlas" / "users.json"
    assert not config.users_path().is_relative_to(config.PROJECT_DIR)


def test_after_five_failures_a_name_is_locked_for_the_window_then_free_again(tmp_path):
    users = tmp_path / "users.json"
    auth.add_user("anna", "sehr-geheimes-wort", users)
    limiter = auth.LoginLimiter(attempts=5, window=60)
    messages = [auth.login("anna", "falsch-falsch", "10.0.0.1", limiter, users) for _ in range(5)]
    assert [ok for ok, _ in messages] == [False] * 5
    # each answer says how many tries are left, the last one that the name is now locked
    assert [m.rsplit(". ", 1)[1] for _, m in messages] == [
        "Noch 4 Versuche.", "Noch 3 Versuche.", "Noch 2 Versuche.", "Noch 1 Versuch.",
        "Die Anmeldung ist jetzt für 1 Minute gesperrt."]
    ok, message = auth.login("anna", "sehr-geheimes-wort", "10.0.0.2", limiter, users)
    assert not ok and message == "Zu viele fehlgeschlagene Anmeldungen. Bitte in 1 Minute erneut versuchen."  # by name, any client
    assert limiter.wait_seconds("anna", "x", now=10**9) == 0  # the window has passed
    assert limiter.wait_seconds("berta", "10.0.0.1") > 0  # and the client that tried is locked for every name


def test_user_add_from_standard_input_and_list(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("KOOPATLAS_USERS", str(tmp_path / "users.json"))
    monkeypatch.setattr("sys.stdin", io.StringIO("ein-langes-passwort\n"))
    assert cli.main(["user", "add", "anna", "--password-stdin"]) == 0
    assert auth.verify("anna", "ein-langes-passwort")
    assert cli.main(["user", "list"]) == 0
    assert "anna" in capsys.readouterr().out
    assert cli.main(["user", "remove", "anna"]) == 0 and auth.list_users() == []
