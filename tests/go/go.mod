module github.com/retell-contract-kit/retell-go-tests

go 1.24

require github.com/retell-contract-kit/retell-go v0.0.0

replace github.com/retell-contract-kit/retell-go => ../../generated/go
