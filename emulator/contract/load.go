package contract

import (
	"context"
	"fmt"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// Spec is a loaded contract, ready to match requests to operations.
type Spec struct {
	doc    *openapi3.T
	router routers.Router
}

// Load reads and validates the contract at path.
func Load(path string) (*Spec, error) {
	data, err := readBundled(path)
	if err != nil {
		return nil, fmt.Errorf("contract: read %s: %w", path, err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("contract: load %s: %w", path, err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("contract: %s is not valid OpenAPI: %w", path, err)
	}

	// The contract's server is api.digitalocean.com; traffic under test goes
	// to a loopback port, so operations are matched on the path alone.
	doc.Servers = nil
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("contract: route %s: %w", path, err)
	}
	return &Spec{doc: doc, router: router}, nil
}

// loaded caches specs by path: loading and validating the contract takes
// about a second, and every test of a package wants it. A Spec is only read
// after loading, so tests running in parallel can share one.
var loaded = struct {
	sync.Mutex
	specs map[string]*Spec
}{specs: map[string]*Spec{}}

// FindAndLoad is Find followed by Load, loading each file once per process.
// Its error wraps ErrSpecNotFound when the file is absent.
func FindAndLoad() (*Spec, error) {
	path, err := Find()
	if err != nil {
		return nil, err
	}

	loaded.Lock()
	defer loaded.Unlock()
	if s, ok := loaded.specs[path]; ok {
		return s, nil
	}
	s, err := Load(path)
	if err != nil {
		return nil, err
	}
	loaded.specs[path] = s
	return s, nil
}
