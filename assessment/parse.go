package assessment

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/vigie-ai/vigie/diag"
	"github.com/vigie-ai/vigie/internal/schema"
	"github.com/vigie-ai/vigie/internal/source"
	"github.com/vigie-ai/vigie/schemas"
)

// ErrInvalid is wrapped by errors about declarations that cannot be used;
// the diagnostics are reachable with errors.As.
var ErrInvalid = errors.New("invalid declaration")

var declarationSchema = sync.OnceValues(func() (*schema.Validator, error) {
	return schema.Compile(schemas.Declaration())
})

// ParseDeclaration parses a declaration and checks its shape against the
// declaration schema. name is the file name used in diagnostics; a name
// ending in .json is read as JSON, anything else as YAML.
func ParseDeclaration(name string, data []byte) (*Declaration, error) {
	doc, ds := source.Parse(name, data, source.DefaultLimits())
	if doc == nil || ds.HasErrors() {
		return nil, invalid(ds)
	}
	v, err := declarationSchema()
	if err != nil {
		return nil, err
	}
	sds, err := v.Validate(doc)
	if err != nil {
		return nil, err
	}
	if ds = append(ds, sds...); ds.HasErrors() {
		return nil, invalid(ds)
	}
	b, err := json.Marshal(doc.Value)
	if err != nil {
		return nil, fmt.Errorf("decode declaration %s: %w", name, err)
	}
	d := &Declaration{}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(d); err != nil {
		return nil, fmt.Errorf("decode declaration %s: %w", name, err)
	}
	return d, nil
}

func invalid(ds diag.Diagnostics) error {
	ds.Sort()
	return fmt.Errorf("%w: %w", ErrInvalid, ds)
}
