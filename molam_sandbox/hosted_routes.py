"""The routes of a hosted page, the same for every one: show it, act on a click, and a 404 for any other URL.

A `HostedPage` says what differs (how its URL opens the object, what a click does, how it is rendered);
`page_routes` serves it under ``<path>/<id>/<token>``: ``GET`` renders the object the token opens with a fresh
nonce; ``POST`` reads the click (`molam_sandbox.hosted.read_click`), acts in one write transaction and sends
the browser back to the page while it has more to do, else to the object's return URL (or shows the outcome
when it has none). A wrong token, id or path shows the page's problem page and nothing of any object. The
checkout and the onboarding page are declared in `molam_sandbox.app`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Generic, TypeVar

import attrs
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from molam_sandbox import hosted, hosted_page
from molam_sandbox.settings import Env
from molam_sandbox.state import Database, Tx

__all__ = ["HostedPage", "page_routes"]

Found = TypeVar("Found")
ChoiceT = TypeVar("ChoiceT", bound=enum.Enum)

_NOT_UNDERSTOOD = (400, "Not understood", "Choose an option on the page.")


@attrs.frozen
class HostedPage(Generic[Found, ChoiceT]):
    """One hosted page: where it lives, how its URL opens an object, what a click does and what is shown."""

    path: str
    """The URL prefix: the page is ``{path}/<id>/<token>``."""
    product: str
    """The name in the page's title (``Molam Checkout``)."""
    invalid_link: tuple[str, str]
    """The title and message of the 404 shown for a wrong token, id or path."""
    choices: type[ChoiceT]
    """The page's controls: what a click may post."""
    open_page: Callable[[Tx, str, str], Found | None]
    """The object a URL's id and token open, or None."""
    act: Callable[[Tx, Env, str, str, ChoiceT, str], Found | None]
    """Do what a click asks, once per nonce: ``(tx, env, id, token, choice, nonce)``; the object after."""
    render: Callable[[Found, str], Response]
    """The page for the object, its form carrying the given nonce."""
    has_more: Callable[[Found], bool]
    """Whether the object still has a step on the page (the browser is sent back to it after a click)."""
    destination: Callable[[Found], str | None]
    """Where the user goes once the page is done with, if anywhere."""
    outcome: Callable[[Found], Response]
    """The page of a finished object, for a user with nowhere to go."""


def page_routes(db: Database, env: Callable[[], Env], page: HostedPage[Found, ChoiceT]) -> list[Route]:
    """The routes serving `page` from `db` (reached without an API key: the token is the capability)."""

    def invalid() -> Response:
        return hosted_page.render_problem(page.product, 404, *page.invalid_link)

    async def show(request: Request) -> Response:
        object_id, token = str(request.path_params["id"]), str(request.path_params["token"])
        with db.read() as tx:
            found = page.open_page(tx, object_id, token)
        # A fresh nonce per page view: the click it posts is acted on once (double click, two tabs).
        return invalid() if found is None else page.render(found, hosted.new_nonce())

    async def act(request: Request) -> Response:
        object_id, token = str(request.path_params["id"]), str(request.path_params["token"])
        click = hosted.read_click(await request.body())
        choice = None if click is None else _choice(page.choices, click.choice)
        if click is None or choice is None:
            return hosted_page.render_problem(page.product, *_NOT_UNDERSTOOD)
        with db.transaction() as tx:  # one transaction: the nonce is recorded with what the click did
            after = page.act(tx, env(), object_id, token, choice, click.nonce)
        if after is None:
            return invalid()
        if page.has_more(after):
            return hosted_page.redirect(request.url.path)  # the page again, at the object's next step
        target = page.destination(after)
        return hosted_page.redirect(target) if target else page.outcome(after)

    async def nothing(request: Request) -> Response:
        return invalid()

    return [
        Route(f"{page.path}/{{id}}/{{token}}", show, methods=["GET"]),
        Route(f"{page.path}/{{id}}/{{token}}", act, methods=["POST"]),
        Route(f"{page.path}/{{rest:path}}", nothing, methods=["GET", "POST"]),
    ]


def _choice(choices: type[ChoiceT], value: str) -> ChoiceT | None:
    """The control `value` names, or None (a value no control of the page posts)."""
    try:
        return choices(value)
    except ValueError:
        return None
