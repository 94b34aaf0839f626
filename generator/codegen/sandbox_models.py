"""The sandbox server's request-validation models: pydantic v2 classes from the spec's component schemas.

Made in process with datamodel-code-generator. Its own formatting is the dependency-free `builtin` one;
ruff then formats the file with the rest of the generated tree (see generator/codegen/generate.py), so no
formatter found on PATH is ever involved.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import GenerationError

__all__ = ["render_sandbox_models"]


def render_sandbox_models(raw_spec: Mapping[str, Any], *, header: str) -> tuple[str, list[str]]:
    """Source of molam_sandbox/models.py for `raw_spec`, starting with `header`, and the tool's warnings."""
    import warnings

    from datamodel_code_generator import generate
    from datamodel_code_generator.enums import DataModelType, InputFileType
    from datamodel_code_generator.format import Formatter, PythonVersion

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            source = generate(
                dict(raw_spec),
                input_file_type=InputFileType.OpenAPI,
                output_model_type=DataModelType.PydanticV2BaseModel,
                target_python_version=PythonVersion.PY_311,
                use_annotated=True,
                use_standard_collections=True,
                use_union_operator=True,
                # `format: email` would need the email-validator package; the sandbox accepts any string there.
                type_mappings=["email=string"],
                formatters=[Formatter.BUILTIN],
                disable_timestamp=True,
                custom_file_header=header,
            )
    except Exception as error:  # the tool raises many types; they all mean "this spec cannot be rendered"
        raise GenerationError(f"datamodel-code-generator failed: {error}") from error
    if not isinstance(source, str):
        raise GenerationError("datamodel-code-generator produced several modules; expected one")
    notes = sorted({f"sandbox models: {warning.message}" for warning in caught})
    return source, notes
