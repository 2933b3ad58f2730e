package languages

import (
	"path/filepath"
	"testing"
)

func TestPythonProgramImportsUpdatesAndDestroysAnImage(t *testing.T) {
	t.Parallel()
	requireTools(t)
	python := filepath.Join(tools.Root, "examples", "python", ".venv", "bin", "python")
	requireModule(t, "sdk-python-deps", python, "pulumi_digitalocean_custom_image")
	driver, err := filepath.Abs(filepath.Join("testdata", "python", "automation.py"))
	if err != nil {
		t.Fatal(err)
	}
	api := startAPI(t)

	env := cliEnv(t)
	// The engine must not find the provider on PATH: the driver's own
	// provider process, attached with PULUMI_DEBUG_PROVIDERS, is under test.
	env["PULUMI_IGNORE_AMBIENT_PLUGINS"] = "true"
	got := runDriver(t, env, t.TempDir(), python, driver, api.Endpoint)

	requireScenario(t, api, got)
}
