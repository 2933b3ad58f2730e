package languages

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// The SDK computes its version from package.json when it is loaded, so a
// package that cannot find that file breaks every program that imports it.
func TestTheNpmSDKLoadsInNodeJS(t *testing.T) {
	t.Parallel()
	modules := nodeModules(t)
	dir := t.TempDir()
	require.NoError(t, os.Symlink(modules, filepath.Join(dir, "node_modules")))

	runIn(t, dir, "node", "-e", `require("@digitalocean-custom-image/pulumi")`)
}

func TestTypeScriptProgramImportsUpdatesAndDestroysAnImage(t *testing.T) {
	t.Parallel()
	requireTools(t)
	modules := nodeModules(t)
	tsc := filepath.Join(modules, ".bin", "tsc")
	api := startAPI(t)

	dir := typeScriptProject(t, modules)
	runIn(t, dir, tsc, "-p", ".")

	env := cliEnv(t)
	// The engine must not find the provider on PATH: the driver's own
	// provider process, attached with PULUMI_DEBUG_PROVIDERS, is under test.
	env["PULUMI_IGNORE_AMBIENT_PLUGINS"] = "true"
	got := runDriver(t, env, dir, "node", filepath.Join("bin", "automation.js"), api.Endpoint)

	requireScenario(t, api, got)
}

// nodeModules returns the example's node_modules, where `make
// sdk-nodejs-deps` installs the SDK the way a registry release would arrive.
func nodeModules(t *testing.T) string {
	t.Helper()
	modules := filepath.Join(tools.Root, "examples", "typescript", "node_modules")
	requireInstalled(t, "sdk-nodejs-deps", filepath.Join(modules, ".bin", "tsc"),
		filepath.Join(modules, "@digitalocean-custom-image", "pulumi", "bin", "index.js"))
	return modules
}

// typeScriptProject copies the driver into a fresh folder whose
// node_modules is the example's, so it compiles against and runs with the
// SDK and @pulumi/pulumi that `make sdk-nodejs-deps` installed there.
func typeScriptProject(t *testing.T, modules string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"automation.ts", "tsconfig.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "typescript", name))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	require.NoError(t, os.Symlink(modules, filepath.Join(dir, "node_modules")))
	return dir
}
