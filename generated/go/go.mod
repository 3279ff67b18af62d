// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

module github.com/retell-contract-kit/retell-go

go 1.24
