package rpc

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
)

// Response formats the engine answers in.
const (
	formatJSON = "JSON"
	formatXML  = "XML"
)

// responseFormat returns the format a request asks for: XML when Format is XML (in any
// case), JSON otherwise, as the real service defaults to JSON.
func responseFormat(format string) string {
	if strings.EqualFold(format, formatXML) {
		return formatXML
	}
	return formatJSON
}

// contentType returns the Content-Type header for a format.
func contentType(format string) string {
	if format == formatXML {
		return "text/xml;charset=utf-8"
	}
	return "application/json;charset=utf-8"
}

// withRequestID marshals a product's result into a JSON object whose first field is RequestId.
func withRequestID(result any, requestID string) ([]byte, error) {
	head, err := marshalJSON(map[string]string{"RequestId": requestID})
	if err != nil {
		return nil, err
	}
	if result == nil {
		return head, nil
	}
	body, err := marshalJSON(result)
	if err != nil {
		return nil, fmt.Errorf("encoding the response: %w", err)
	}
	body = bytes.TrimSpace(body)
	if len(body) < 2 || body[0] != '{' {
		return nil, fmt.Errorf("a product's response must be a JSON object, got %.40s", body)
	}
	if bytes.Equal(body, []byte("{}")) {
		return head, nil
	}
	// head is {"RequestId":"..."}: drop its closing brace, keep body's fields after a comma.
	out := make([]byte, 0, len(head)+len(body))
	out = append(out, head[:len(head)-1]...)
	out = append(out, ',')
	out = append(out, body[1:]...)
	return out, nil
}

// marshalJSON encodes v like json.Marshal but without HTML escaping, as the real service
// writes '&' and '<' as they are.
func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSpace(b.Bytes()), nil
}

// jsonToXML renders a JSON object as an XML document with the given root element, the way
// Alibaba Cloud's RPC services do: object fields become child elements in their order, and
// an array under a name becomes that element repeated once per item.
func jsonToXML(root string, data []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var b bytes.Buffer
	b.WriteString(xml.Header[:len(xml.Header)-1]) // without the trailing newline
	if err := writeXMLValue(&b, root, dec); err != nil {
		return nil, fmt.Errorf("rendering XML: %w", err)
	}
	return b.Bytes(), nil
}

// writeXMLValue reads the next JSON value from dec and writes it as element(s) called name.
func writeXMLValue(b *bytes.Buffer, name string, dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			b.WriteString("<" + name + ">")
			for dec.More() {
				keyTok, err := dec.Token()
				if err != nil {
					return err
				}
				key, ok := keyTok.(string)
				if !ok {
					return errors.New("object key is not a string")
				}
				if err := writeXMLValue(b, key, dec); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil { // '}'
				return err
			}
			b.WriteString("</" + name + ">")
		case '[':
			for dec.More() {
				if err := writeXMLValue(b, name, dec); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil { // ']'
				return err
			}
		default:
			return fmt.Errorf("unexpected delimiter %q", t)
		}
	case nil:
		b.WriteString("<" + name + "></" + name + ">")
	default:
		b.WriteString("<" + name + ">")
		if err := xml.EscapeText(b, fmt.Append(nil, t)); err != nil {
			return err
		}
		b.WriteString("</" + name + ">")
	}
	return nil
}
