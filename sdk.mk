# Language SDKs generated from schema.json, and the Node.js and Python
# packages their tests need. Included by the Makefile.
#
#   make sdks       regenerate sdk/go, sdk/nodejs and sdk/python (commit them)
#   make sdk-deps   install pinned npm and PyPI packages into ignored folders,
#                   build the npm SDK and install both SDKs into the examples

PYTHON ?= python3

# @pulumi/pulumi for building sdk/nodejs; keep it equal to the version in
# examples/typescript/package.json so the example gets a single copy.
NPM_PULUMI_VERSION := 3.276.0

NPM_FLAGS := --no-audit --no-fund
PY_VENV   := examples/python/.venv

.PHONY: sdks sdk-deps sdk-nodejs-deps sdk-python-deps

sdks: schema
	go run ./tools/sdkgen -schema schema.json -out sdk

sdk-deps: sdk-nodejs-deps sdk-python-deps

# --no-save keeps the generated package.json as generated. The example
# installs the SDK as packed files (see its .npmrc), so it is removed first
# to pick up a rebuilt bin/.
sdk-nodejs-deps:
	cd sdk/nodejs && npm install $(NPM_FLAGS) --no-save --no-package-lock \
		@pulumi/pulumi@$(NPM_PULUMI_VERSION)
	rm -rf sdk/nodejs/bin
	cd sdk/nodejs && ./node_modules/.bin/tsc
	# The generated utilities read ./package.json next to themselves.
	cp sdk/nodejs/package.json sdk/nodejs/bin/package.json
	rm -rf examples/typescript/node_modules/@digitalocean-custom-image
	cd examples/typescript && npm install $(NPM_FLAGS)

# The SDK is uninstalled first because pip keeps an installed copy of the
# same version; setuptools' build/ folder would carry deleted modules along.
sdk-python-deps:
	test -x $(PY_VENV)/bin/python || $(PYTHON) -m venv $(PY_VENV)
	rm -rf sdk/python/build
	$(PY_VENV)/bin/pip uninstall --quiet --yes pulumi_digitalocean_custom_image
	cd examples/python && .venv/bin/pip install --quiet -r requirements.txt
