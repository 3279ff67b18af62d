"""Generate models and clients for the Create Phone Call API from spec/openapi.yaml."""
