// Package compat checks that a Go program moves from pulumi-digitalocean's
// CustomImage to this provider's by changing its import alone: every input
// and output the bridged SDK has, this SDK has under the same name with the
// same Go type.
package compat

import (
	"reflect"
	"testing"

	bridged "github.com/pulumi/pulumi-digitalocean/sdk/v4/go/digitalocean"

	ours "github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/sdk/go/digitaloceancustomimage"
)

func TestEveryBridgedOutputHasTheSameNameAndType(t *testing.T) {
	requireSameFields(t, reflect.TypeFor[bridged.CustomImage](), reflect.TypeFor[ours.CustomImage]())
}

func TestEveryBridgedInputHasTheSameNameAndType(t *testing.T) {
	requireSameFields(t, reflect.TypeFor[bridged.CustomImageArgs](),
		reflect.TypeFor[ours.CustomImageArgs]())
}

// requireSameFields fails for each field of want that got lacks or types
// differently. Fields only got has are extras and are fine.
func requireSameFields(t *testing.T, want, got reflect.Type) {
	t.Helper()
	for i := range want.NumField() {
		field := want.Field(i)
		if !field.IsExported() || field.Anonymous {
			continue
		}

		mine, ok := got.FieldByName(field.Name)
		switch {
		case !ok:
			t.Errorf("%s.%s (%s) is missing", got.Name(), field.Name, field.Type)
		case mine.Type != field.Type:
			t.Errorf("%s.%s is %s; pulumi-digitalocean has %s", got.Name(), field.Name,
				mine.Type, field.Type)
		case mine.Tag.Get("pulumi") != field.Tag.Get("pulumi"):
			t.Errorf("%s.%s is named %q; pulumi-digitalocean names it %q", got.Name(),
				field.Name, mine.Tag.Get("pulumi"), field.Tag.Get("pulumi"))
		}
	}
}
