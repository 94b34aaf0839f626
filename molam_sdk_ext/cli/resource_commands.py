"""`molam <group> <command>` for every operation of the spec, built from the generated table `molam_sdk.commands`.

Each entry becomes a typer command whose parameters are synthesised from the operation's fields: path parameters
are arguments; query parameters and top-level body fields are options named after the field with dashes
(`--statement-descriptor`), typed from the spec (enums as choices of the generated enum, arrays as repeated
options, string maps as repeated KEY=VALUE); money fields take major units (`--amount 150.00 --currency GHS`)
through the same parser as everywhere else; `--data/-d key=value` (`-d 'metadata[order_id]=1'`,
`-d 'beneficiary[type]=mobile_money'`) sets any field, nested ones included. The call goes through the
`Molam` client's resource method with keyword arguments, list commands walk pages up to `--limit`, and output,
`--json` and exit codes are the CLI's usual ones. Groups are built only when used: `molam payouts list` does not
build the other groups' commands.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any

import typer
from rich.markup import escape

from molam_sdk.commands import GROUPS, Command, CommandGroup, Field

from .aliases import (
    COMMAND_ALIASES,
    EXTENSIONS,
    FIELD_ALIASES,
    GROUP_ALIASES,
    OPTION_ALIASES,
    VALIDATORS,
    Extension,
)
from .listing import page_size, take
from .output import Column
from .params import LimitOption, parse_amount, parse_currency, parse_key_values
from .state import get_state

__all__ = ["build_group", "group_names", "option_names", "parse_data", "resolve_command", "resolve_group"]

#: Option names the builder itself uses; a field whose own name would collide is prefixed with its location.
RESERVED_OPTIONS = frozenset({"--data", "-d", "--json", "--idempotency-key", "--limit", "--help", "-h"})
_KEY = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)(?P<path>(\[[^\[\]]*\])*)$")
_TRUE = frozenset({"true", "1", "yes", "on"})
_FALSE = frozenset({"false", "0", "no", "off"})


def group_names() -> list[str]:
    """Every generated group's name, sorted."""
    return [group.name for group in GROUPS]


def resolve_group(name: str) -> CommandGroup | None:
    """The group called `name` (or one of its aliases), if any."""
    name = GROUP_ALIASES.get(name, name)
    return next((group for group in GROUPS if group.name == name), None)


def resolve_command(group: CommandGroup, name: str) -> Command | None:
    """The command of `group` called `name` (or one of its aliases), if any."""
    for candidate in (name, COMMAND_ALIASES.get(name)):
        found = next((command for command in group.commands if command.name == candidate), None)
        if found is not None:
            return found
    return None


@functools.cache
def build_group(name: str) -> Any:
    """The click group of the generated group `name` (aliases accepted); None when there is none."""
    group = resolve_group(name)
    if group is None:
        return None
    aliases = sorted(alias for alias, target in GROUP_ALIASES.items() if target == group.name)
    help_text = escape(group.description or group.tag)
    if aliases:
        help_text += f"\n\nAlias: {', '.join(aliases)}."
    sub = typer.Typer(
        name=group.name, help=help_text, no_args_is_help=True, rich_markup_mode="rich", add_completion=False
    )
    for command in group.commands:
        sub.command(
            command.name,
            help=_command_help(group, command),
            deprecated=command.deprecated is not None,
            rich_help_panel=None,
        )(_make_callback(group, command))
        for alias, target in COMMAND_ALIASES.items():
            if target == command.name and resolve_command(group, alias) is command:
                sub.command(alias, hidden=True, help=f"Same as `{command.name}`.")(
                    _make_callback(group, command)
                )
    built = typer.main.get_command(sub)
    built.name = group.name
    return built


def option_names(group: CommandGroup, command: Command, field: Field) -> list[str]:
    """The option names of a (non-path) field: `--<wire name with dashes>`, then any hand-written aliases."""
    own = "--" + field.wire_name.replace("_", "-")
    if own in RESERVED_OPTIONS:
        own = f"--{field.location}-{own[2:]}"
    extra = [
        *OPTION_ALIASES.get((group.name, command.name, field.name), ()),
        *FIELD_ALIASES.get(field.name, ()),
    ]
    return [own, *(name for name in extra if name != own and name not in RESERVED_OPTIONS)]


# --- building one command ---------------------------------------------------------------------------------


def _optionable(command: Command, field: Field) -> bool:
    """Fields with an option of their own: everything but nested objects (those go through --data) and, on
    a list command, the page size (`--limit` counts objects across pages instead)."""
    if field.kind in {"object", "any"}:
        return False
    return not (command.paginated and field.location == "query" and field.wire_name == "limit")


def _make_callback(group: CommandGroup, command: Command) -> Callable[..., None]:
    extension = _extension(group, command)
    parameters = [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)]
    for field in command.fields:
        if field.location == "path":
            parameters.append(
                inspect.Parameter(
                    f"f_{field.name}",
                    inspect.Parameter.POSITIONAL_OR_KEYWORD,
                    annotation=Annotated[
                        _scalar_type(field),
                        typer.Argument(
                            metavar=field.wire_name.upper(),
                            help=escape(field.description),
                            show_default=False,
                        ),
                    ],
                )
            )
    for field in command.fields:
        if field.location != "path" and _optionable(command, field):
            parameters.append(_option_parameter(group, command, field))
    if command.paginated:
        parameters.append(_keyword("x_limit", LimitOption, 10))
    if extension is not None:
        parameters.extend(extension.parameters)
    data_help = (
        "Set any field, nested ones too: key=value, 'metadata[order_id]=1', 'beneficiary[type]=bank_account'."
    )
    parameters.append(
        _keyword(
            "x_data",
            Annotated[
                list[str] | None, typer.Option("--data", "-d", help=escape(data_help), show_default=False)
            ],
            None,
        )
    )
    if command.idempotent:
        key_help = "Your own Idempotency-Key (default: one is generated for this call and reused on retries)."
        parameters.append(
            _keyword(
                "x_idempotency_key",
                Annotated[str | None, typer.Option("--idempotency-key", help=key_help, show_default=False)],
                None,
            )
        )
    json_help = "Print machine-readable JSON on stdout (errors too)."
    parameters.append(
        _keyword("x_json", Annotated[bool, typer.Option("--json", help=json_help, show_default=False)], False)
    )

    def callback(ctx: typer.Context, **values: Any) -> None:
        run(ctx, group, command, values, extension)

    callback.__name__ = command.method
    callback.__doc__ = command.summary
    callback.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    callback.__annotations__ = {p.name: p.annotation for p in parameters}
    return callback


def _keyword(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)


def _option_parameter(group: CommandGroup, command: Command, field: Field) -> inspect.Parameter:
    names = option_names(group, command, field)
    help_text = field.description
    if field.money:
        if field.currency_argument:
            source = f"--{field.currency_argument.replace('_', '-')}"
        else:
            objects = " or ".join(lookup.resource.replace("_", " ") for lookup in field.lookups)
            source = f"the currency of the {objects} object (looked up first)"
        help_text = f"{help_text} Typed in major units of {source}: 150.00 GHS is sent as 15000."
    if field.kind == "map":
        help_text = f"{help_text} KEY=VALUE; repeat for more."
    if field.many:
        help_text = f"{help_text} Repeat for more."
    if field.required:
        help_text = f"{help_text} Required."
    if field.deprecated:
        help_text = f"{help_text} Deprecated: {field.deprecated}"
    if field.kind == "bool":
        names = [f"{names[0]}/--no-{names[0][2:]}", *names[1:]]
    annotation: Any
    if field.kind == "map":
        annotation = list[str] | None
    elif field.many:
        annotation = list[_scalar_type(field)] | None  # type: ignore[misc]
    else:
        annotation = _scalar_type(field) | None
    callback = VALIDATORS.get((group.name, command.name, field.name))
    option = typer.Option(*names, help=escape(help_text.strip()), show_default=False, callback=callback)
    return _keyword(f"f_{field.name}", Annotated[annotation, option], None)


def _scalar_type(field: Field) -> Any:
    """The Python type typer parses an option into (money stays text: its exponent needs the currency)."""
    if field.enum is not None:
        return field.enum
    if field.money:
        return str
    return {"int": int, "float": float, "bool": bool}.get(field.kind, str)


def _extension(group: CommandGroup, command: Command) -> Extension | None:
    extension = EXTENSIONS.get((group.name, command.name))
    if extension is None or not any(f.name == extension.field for f in command.fields):
        return None
    return extension


def _command_help(group: CommandGroup, command: Command) -> str:
    parts = [command.summary or f"{command.http_method} {command.path}"]
    if command.description and command.description != command.summary:
        parts.append(command.description)
    nested = [f for f in command.fields if not _optionable(command, f) and f.kind in {"object", "any"}]
    for field in nested:
        required = " (required)" if field.required else ""
        parts.append(
            f"{field.wire_name}{required}: {field.description} Set it with -d '{field.wire_name}[key]=value'."
        )
    if command.paginated:
        parts.append("Walks pages up to --limit objects (newest first); --json prints them as one list.")
    parts.append(f"{command.http_method} {command.path}")
    if command.deprecated:
        parts.append(f"Deprecated: {command.deprecated}")
    return "\n\n".join(escape(part) for part in parts)


# --- running one command ----------------------------------------------------------------------------------


def run(
    ctx: typer.Context,
    group: CommandGroup,
    command: Command,
    values: Mapping[str, Any],
    extension: Extension | None,
) -> None:
    """Turn the parsed options into the resource method's keyword arguments, call it, print the result."""
    state = get_state(ctx, bool(values.get("x_json")))
    fields = {field.name: field for field in command.fields}
    given: dict[str, Any] = {}
    for field in command.fields:
        value = values.get(f"f_{field.name}")
        if value is None or (isinstance(value, list | tuple) and not value):
            continue
        given[field.name] = _from_option(field, value, option_names(group, command, field)[0])
    for name, value in parse_data(values.get("x_data") or [], command).items():
        field = fields[name]
        if name in given and not (field.kind in {"map", "object", "any"} or field.many):
            raise typer.BadParameter(
                f"{field.wire_name} is given twice (an option and --data)", param_hint="--data"
            )
        given[name] = _merge(given.get(name), value)
    if extension is not None:
        extension.apply({k: v for k, v in values.items() if k.startswith("e_")}, given)
    missing = [f for f in command.fields if f.required and f.name not in given]
    if missing:
        names = ", ".join(
            option_names(group, command, f)[0] if _optionable(command, f) else f"-d '{f.wire_name}[...]=...'"
            for f in missing
        )
        raise typer.BadParameter(f"missing {names}", param_hint=names.split(",")[0])
    for field in command.fields:
        if field.currency_argument and field.name in given and field.currency_argument in given:
            currency_field = fields[field.currency_argument]
            given[currency_field.name] = parse_currency(
                str(given[currency_field.name]), option_names(group, command, currency_field)[0]
            )
    client = state.client()
    for field in command.fields:
        if field.money and isinstance(given.get(field.name), str):
            given[field.name] = parse_amount(
                given[field.name],
                _currency(client, group, command, field, given),
                option_names(group, command, field)[0],
            )
    method = getattr(getattr(client, group.resource), command.method)
    idempotency = {"idempotency_key": values.get("x_idempotency_key")} if command.idempotent else {}
    if command.paginated:
        limit: int = values["x_limit"]
        if "limit" in fields:
            given["limit"] = page_size(limit)
        items, more = take(method(**given, **idempotency), limit)
        columns = [Column(name.replace("_", " "), name) for name in command.columns]
        state.output.table(items, columns, title=command.summary, has_more=more)
        return
    result = method(**given, **idempotency)
    if result is None:  # an operation without a response body
        if state.json:
            state.output.json({})
        else:
            state.output.note(f"{command.summary}: done")
        return
    state.output.object(result, title=command.summary)
    redirect = getattr(result, "redirect_url", None)
    if isinstance(redirect, str) and redirect:
        # An object waiting for its customer (a payment's hosted checkout): the page to send them to, whole on
        # one line so it can be copied (the table above folds it).
        state.output.say(f"Redirect URL: {redirect}", wrap=False)


def _from_option(field: Field, value: Any, option: str) -> Any:
    """An option's parsed value as the resource method takes it (typer already made ints, enums, bools)."""
    if field.kind == "map":
        return parse_key_values(value, option)
    if field.many:
        return [_typed(field, item, option) for item in value]
    return _typed(field, value, option)


def _typed(field: Field, value: Any, option: str) -> Any:
    """`value` (text from --data, or an option already parsed by typer) as the field's Python type."""
    if not isinstance(value, str) or field.money:
        return value
    kind = "enum" if field.enum is not None else field.kind
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "bool":
            if value.lower() not in _TRUE | _FALSE:
                raise ValueError(value)
            return value.lower() in _TRUE
        if kind == "date":
            return dt.date.fromisoformat(value)
        if kind == "datetime":
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if kind == "enum" and field.enum is not None:
            return field.enum(value)
    except ValueError:
        expected = kind
        if field.enum is not None:
            expected = "one of " + ", ".join(str(member.value) for member in field.enum)
        raise typer.BadParameter(f"{value!r} is not {expected}", param_hint=option) from None
    return value


def parse_data(entries: Sequence[str], command: Command) -> dict[str, Any]:
    """`-d` entries as field name -> value: `key=value` for a top-level field (typed like its option),
    `key[a][b]=value` for nested objects and maps, `key[]=value` (or repeating `key=value`) for arrays.
    Nested values are strings. A key that is not a field of the command is a usage error naming the fields."""
    by_wire = {field.wire_name: field for field in command.fields if field.location != "path"}
    out: dict[str, Any] = {}
    for entry in entries:
        key, sep, value = entry.partition("=")
        match = _KEY.match(key.strip())
        if not sep or match is None:
            raise typer.BadParameter(f"{entry!r} is not key=value or key[sub]=value", param_hint="--data")
        field = by_wire.get(match["name"])
        if field is None:
            known = ", ".join(sorted(by_wire)) or "none"
            raise typer.BadParameter(
                f"{match['name']!r} is not a field of this command (fields: {known})", param_hint="--data"
            )
        path = re.findall(r"\[([^\[\]]*)\]", match["path"])
        current = out.get(field.name)
        if field.many and (path in ([], [""])):
            out[field.name] = [*(current or []), _typed(field, value, "--data")]
        elif not path:
            if field.kind in {"map", "object"}:
                raise typer.BadParameter(
                    f"{field.wire_name} is an object: use {field.wire_name}[key]=value", param_hint="--data"
                )
            if current is not None:
                raise typer.BadParameter(f"{field.wire_name} is given twice", param_hint="--data")
            out[field.name] = _typed(field, value, "--data")
        elif field.kind in {"map", "object", "any"} and "" not in path:
            out[field.name] = _merge(current, _nest(path, value))
        else:
            raise typer.BadParameter(f"{key!r}: {field.wire_name} takes no [sub] keys", param_hint="--data")
    return out


def _nest(path: list[str], value: str) -> dict[str, Any]:
    node: Any = value
    for part in reversed(path):
        node = {part: node}
    result: dict[str, Any] = node
    return result


def _merge(current: Any, new: Any) -> Any:
    """`new` merged into `current`: dicts key by key (deeper ones recursively), lists appended."""
    if isinstance(current, dict) and isinstance(new, dict):
        merged = dict(current)
        for key, value in new.items():
            merged[key] = _merge(merged.get(key), value)
        return merged
    if isinstance(current, list) and isinstance(new, list):
        return [*current, *new]
    return new


def _currency(
    client: Any, group: CommandGroup, command: Command, field: Field, given: Mapping[str, Any]
) -> str:
    """The currency `field`'s major units are in: the sibling field, else the object a lookup retrieves."""
    option = option_names(group, command, field)[0]
    if field.currency_argument:
        currency = given.get(field.currency_argument)
        if not isinstance(currency, str):
            raise typer.BadParameter(
                f"{option} in major units needs --{field.currency_argument.replace('_', '-')}",
                param_hint=option,
            )
        return currency
    for lookup in field.lookups:
        identifier = given.get(lookup.argument)
        if isinstance(identifier, str):
            # The amount is typed in major units: the currency (hence the exponent) is the object's.
            found = getattr(getattr(client, lookup.resource), lookup.method)(identifier)
            return str(found.currency)
    wanted = " or ".join(lookup.argument.replace("_", "-") for lookup in field.lookups)
    raise typer.BadParameter(
        f"{option} in major units needs the {wanted} it is in the currency of", param_hint=option
    )
