"""Render the `molam_sdk` package from the spec with openapi-python-client, in process.

The stock generator makes the models; our templates (templates/) make them lenient and add the resource
layer (`molam_sdk/resources/`) and the small runtime contract it is written against (`requester`,
`resource`, `raw_response`, `pagination`, `errors`), which `molam_sdk_ext` implements. The stock endpoint
functions (`api/`) and `client.py` are not emitted: they would be a second client without retries,
idempotency or the breaker. Running in process lets us hand the parsed spec to our own resource templates
and rewrite discriminated unions before rendering.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openapi_python_client import Project
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import ErrorLevel, GeneratorError

from ..lint.deprecation import deprecation_note
from .cli_commands import CommandGroup, describe_commands
from .errors import GenerationError
from .event_registry import EventModel, describe_events, group_events
from .model_context import describe_enum_literals, describe_model_deprecations, literal_alias
from .model_imports import hoist_model_imports
from .raw_spec import schema_name
from .resources import Resource, describe_resources
from .template_filters import python_literal, sentence
from .unions import use_discriminators

__all__ = ["build_sdk", "load_config"]

#: Builtins that openapi-python-client would suffix with "_" but that are fine as attribute and argument
#: names: a payments SDK user expects `event.type`, `event.data.object` and `error.type`, as in the JSON.
#: Generated code never calls these builtins where such a name is in scope.
UNRESERVED_NAMES = frozenset({"type", "object"})
#: The runtime contract rendered from templates/runtime/<module>.py.jinja into molam_sdk/<module>.py.
RUNTIME_MODULES = ("requester", "resource", "raw_response", "pagination")


def _unreserve_names() -> None:
    # The generator checks names against a module-level set; shrinking it in place is its only extension point.
    from openapi_python_client import strings

    strings.RESERVED_WORDS.difference_update(UNRESERVED_NAMES)


_unreserve_names()


def load_config(config_path: Path, spec_path: Path, package_dir: Path) -> Config:
    """openapi-python-client's settings from generator/config.yaml, writing into `package_dir`."""
    config_file = ConfigFile.load_from_path(config_path)
    return Config.from_sources(
        config_file,
        MetaType.NONE,
        document_source=spec_path,
        file_encoding="utf-8",
        overwrite=True,
        output_path=package_dir,
    )


def build_sdk(
    *, raw_spec: dict[str, Any], config: Config, template_dir: Path, header: str
) -> tuple[Project, list[str]]:
    """Render molam_sdk/ (without post hooks) into `config.output_path`; return the project and warnings."""
    openapi = GeneratorData.from_dict(raw_spec, config=config)
    if isinstance(openapi, GeneratorError):
        raise GenerationError(_describe(openapi))
    errors = [*openapi.errors]
    for collection in openapi.endpoint_collections_by_tag.values():
        errors.extend(collection.parse_errors)
    fatal = [error for error in errors if error.level == ErrorLevel.ERROR]
    if fatal:
        raise GenerationError("\n\n".join(_describe(error) for error in fatal))
    warnings = [_describe(error) for error in errors if error.level != ErrorLevel.ERROR]

    _refuse_clashing_property_names(openapi)
    use_discriminators(openapi, raw_spec)
    hoist_model_imports(openapi)
    resources = describe_resources(openapi, raw_spec)
    commands = describe_commands(resources, raw_spec)
    events = describe_events(openapi, raw_spec)
    deprecations = describe_model_deprecations(openapi, raw_spec)
    literal_imports = describe_enum_literals(openapi)
    project = MolamProject(
        openapi=openapi,
        config=config,
        custom_template_path=template_dir,
        resources=resources,
        commands=commands,
        events=events,
        header=header,
    )
    project.env.globals["deprecations"] = deprecations
    project.env.globals["literal_imports"] = literal_imports
    project.render()
    return project, warnings


class MolamProject(Project):
    """The stock project plus `molam_sdk/resources/` and `py.typed`, without printing or post hooks."""

    def __init__(
        self,
        *,
        openapi: GeneratorData,
        config: Config,
        custom_template_path: Path,
        resources: list[Resource],
        commands: list[CommandGroup],
        events: list[EventModel],
        header: str,
    ) -> None:
        super().__init__(openapi=openapi, config=config, custom_template_path=custom_template_path)
        self.env.filters["sentence"] = sentence
        self.env.filters["python_literal"] = python_literal
        self.env.filters["deprecation_note"] = deprecation_note
        self.env.filters["literal_alias"] = literal_alias
        # package_init.py.jinja exposes these as molam_sdk.SPEC_TITLE / molam_sdk.API_VERSION.
        self.env.globals["spec_title"] = openapi.title.get_untrusted_value()
        self.env.globals["api_version"] = openapi.version.get_untrusted_value()
        self.resources = resources
        self.commands = commands
        self.events = events
        self.header = header

    def render(self) -> None:
        """Write every file of the package; formatting is the caller's business (ruff, afterwards)."""
        self.project_dir.mkdir(parents=True, exist_ok=True)
        self._create_package()
        self._build_models()
        self._build_runtime()
        self._build_resources()
        self._build_events()
        self._build_commands()
        (self.package_dir / "py.typed").write_text(self.header + "\n", encoding="utf-8")

    def _build_runtime(self) -> None:
        """The contract the resources are written against (templates/runtime/) and the base errors."""
        errors = self.env.get_template("errors.py.jinja")
        (self.package_dir / "errors.py").write_text(errors.render(), encoding="utf-8")
        for module in RUNTIME_MODULES:
            template = self.env.get_template(f"runtime/{module}.py.jinja")
            (self.package_dir / f"{module}.py").write_text(template.render(), encoding="utf-8")

    def _build_events(self) -> None:
        """The event registry (templates/events.py.jinja): event type -> typed model, from `webhooks`."""
        template = self.env.get_template("events.py.jinja")
        (self.package_dir / "events.py").write_text(
            template.render(events=self.events, groups=group_events(self.events)), encoding="utf-8"
        )

    def _build_commands(self) -> None:
        """The CLI's command table (templates/commands.py.jinja): one entry per operation, as plain data."""
        template = self.env.get_template("commands.py.jinja")
        enums = sorted({pair for group in self.commands for pair in group.enums})
        (self.package_dir / "commands.py").write_text(
            template.render(groups=self.commands, enums=enums), encoding="utf-8"
        )

    def _build_resources(self) -> None:
        resources_dir = self.package_dir / "resources"
        resources_dir.mkdir()
        support = self.env.get_template("resources/_request.py.jinja")
        (resources_dir / "_request.py").write_text(support.render(), encoding="utf-8")
        module_template = self.env.get_template("resources/resource.py.jinja")
        for resource in self.resources:
            (resources_dir / f"{resource.module}.py").write_text(
                module_template.render(resource=resource), encoding="utf-8"
            )
        init_template = self.env.get_template("resources/__init__.py.jinja")
        (resources_dir / "__init__.py").write_text(
            init_template.render(resources=self.resources), encoding="utf-8"
        )


def _describe(error: GeneratorError) -> str:
    text = error.header
    if error.detail:
        text += f": {error.detail}"
    data = getattr(error, "data", None)
    if data is not None:
        text += f"\n    {data!r}"[:500]
    return text


#: Names the model template uses for its own locals and methods; a property with one of them would clash.
MODEL_TEMPLATE_NAMES = frozenset(
    {"d", "cls", "self", "src_dict", "field_dict", "prop", "prop_name", "prop_dict"}
    | {"additional_properties", "additional_keys", "to_dict", "from_dict", "to_multipart"}
)


def _refuse_clashing_property_names(openapi: GeneratorData) -> None:
    for model in openapi.models:
        properties = (model.required_properties or []) + (model.optional_properties or [])
        clashes = sorted({str(p.python_name) for p in properties} & MODEL_TEMPLATE_NAMES)
        if clashes:
            raise GenerationError(
                f"schema {schema_name(model)}: property name(s) {', '.join(clashes)} clash with the generated "
                "model's own names; rename them in the spec"
            )
