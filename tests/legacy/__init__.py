"""The earlier SDKs' call shapes (`molam_sdk_ext.legacy`) and the dict-style reading of models they rely on."""
