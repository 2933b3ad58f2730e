# The main jobs: `make demo` shows the provider at work against the
# DigitalOcean API emulator; `make test` runs every test.

VERSION     ?= 0.1.0
FUZZTIME    ?= 20s
MODULE      := github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image
PROVIDER    := pulumi-resource-digitalocean-custom-image
BIN         := $(CURDIR)/bin
TOOLS_BIN   := $(CURDIR)/.tools/bin
LDFLAGS     := -X $(MODULE)/provider.Version=$(VERSION)

export PATH := $(BIN):$(TOOLS_BIN):$(PATH)

.PHONY: all build provider emulator tools schema demo test fuzz bench lint

all: build

build: provider emulator

provider:
	go build -ldflags "$(LDFLAGS)" -o $(BIN)/$(PROVIDER) ./provider/cmd/$(PROVIDER)

emulator:
	go build -o $(BIN)/do-emulator ./emulator/cmd/do-emulator

# The Pulumi CLI and the YAML language host, built once into .tools/.
tools:
	./scripts/install-tools.sh

schema:
	go run ./tools/schemagen -out schema.json -version $(VERSION)

demo: build tools
	./scripts/demo.sh

# The contract lives outside the repository; without it, the tests still run
# but cannot check traffic against it, and `go test` hides their skip notes.
CONTRACT := $(or $(DIGITALOCEAN_OPENAPI_SPEC),../shared/digitalocean-api/openapi-images.json)

test: build tools sdk-deps
	@test -f "$(CONTRACT)" || echo "make test: $(CONTRACT) not found:" \
		"DigitalOcean contract checks are SKIPPED in this run"
	go vet ./...
	go test -count=1 -timeout 60m ./...
	# Random inputs too, not only the seed corpus that the run above replays.
	go test ./provider/ -run '^$$' -fuzz FuzzCheck -fuzztime $(FUZZTIME)

# Longer fuzzing of Check than the 20 seconds `make test` gives it.
fuzz:
	go test ./provider/ -run '^$$' -fuzz FuzzCheck -fuzztime 60s

# Figures, not assertions: how soon an import is noticed, and Check's cost.
bench:
	go test ./provider/ -run '^$$' -bench . -benchtime 3x -benchmem

lint:
	gofmt -l $$(git ls-files '*.go' | grep -v '^sdk/')

include sdk.mk
