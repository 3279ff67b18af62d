# generated from spec/openapi.yaml by `make generate`; do not edit
"""The base class of every generated model: pydantic's BaseModel, plus a serializer that
leaves out optional fields that are not set, so that every dump validates again.

No field of the spec is nullable: an optional field may be omitted, never null. Its Python
type is still `X | None` because reading an omitted field gives None; None means "absent" and
is never sent or accepted (validation rejects an explicit null, dumps leave it out). Extra
properties (the spec's objects are open) are dumped as they came, null included.
"""

from __future__ import annotations

from typing import Any, cast

from pydantic import (
    BaseModel,
    GetJsonSchemaHandler,
    SerializerFunctionWrapHandler,
    model_serializer,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema


class SpecModel(BaseModel):
    @model_serializer(mode="wrap")
    def _leave_out_absent_fields(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if not isinstance(data, dict):
            return data
        fields = type(self).model_fields
        return {
            name: value
            for name, value in data.items()
            if value is not None or name not in fields or fields[name].is_required()
        }

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """The fields' schema in both modes: the serializer above only leaves absent fields
        out, which pydantic cannot see through (it would describe dumps as "anything")."""
        plain = {key: value for key, value in core_schema.items() if key != "serialization"}
        return super().__get_pydantic_json_schema__(cast("CoreSchema", plain), handler)
