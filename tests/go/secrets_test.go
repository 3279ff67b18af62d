package gotests

import (
	"bufio"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"

	retell "github.com/retell-contract-kit/retell-go"
)

// verbs are the ways a value can be printed.
var verbs = []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%T %v"}

func assertHidden(t *testing.T, what string, value any) {
	t.Helper()
	for _, verb := range verbs {
		if text := fmt.Sprintf(verb, value); strings.Contains(text, testKey) || strings.Contains(text, fmt.Sprintf("%x", testKey)) {
			t.Fatalf("%s printed with %s shows the key: %s", what, verb, text)
		}
	}
}

// The key never appears in %v, %+v or %#v of the client, its services or its options.
func TestTheKeyIsNeverPrinted(t *testing.T) {
	client := newClient(t, "http://127.0.0.1:9", nil)
	assertHidden(t, "*Client", client)
	assertHidden(t, "Client", *client)
	assertHidden(t, "client.Call", client.Call)
	assertHidden(t, "*client.Call", *client.Call)
	assertHidden(t, "WithAPIKey", retell.WithAPIKey(testKey))
	if got := fmt.Sprintf("%+v", client); !strings.Contains(got, "[REDACTED]") || !strings.Contains(got, "127.0.0.1:9") {
		t.Fatalf("%%+v of the client: %s", got)
	}
}

// Text that came from the server reaches an error without the key: bodies (raw, JSON-escaped,
// percent- and base64-encoded), headers, and the reason phrase.
func TestServerTextIsRedactedInErrors(t *testing.T) {
	jsonEscaped := strings.ReplaceAll(testKey, "_", `\u005f`)
	echoes := []string{
		fmt.Sprintf(`{"error_message":"bad key Bearer %s"}`, testKey),
		fmt.Sprintf(`{"error_message":"bad key %s"}`, jsonEscaped),
		fmt.Sprintf(`{"error_message":"bad","detail":{"seen":["%s"]}}`, url.QueryEscape("Bearer "+testKey)),
		fmt.Sprintf(`{"error_message":"%s"}`, base64.StdEncoding.EncodeToString([]byte(testKey))),
		"plain text: " + testKey,
	}
	for _, body := range echoes {
		srv := newServer(t, answer(401, body, "WWW-Authenticate", "Bearer "+testKey, "X-Echo", testKey))
		_, err := newClient(t, srv.URL, nil).Call.CreatePhoneCall(context.Background(), validParams())
		var apiErr *retell.APIError
		if !errors.As(err, &apiErr) || !errors.Is(err, retell.ErrAuthentication) {
			t.Fatalf("err = %v", err)
		}
		assertHidden(t, "the error", err)
		assertHidden(t, "the error's body", string(apiErr.Body))
		assertHidden(t, "the error's header", apiErr.Header)
		if strings.Contains(string(apiErr.Body), "005f") && strings.Contains(body, jsonEscaped) {
			t.Fatalf("body %s still holds the escaped key", apiErr.Body)
		}
	}
}

// The same for a reason phrase that echoes the key (written by a raw HTTP/1.1 server, as
// net/http would not).
func TestHostileReasonPhraseIsRedacted(t *testing.T) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { listener.Close() })
	go func() {
		for {
			connection, err := listener.Accept()
			if err != nil {
				return
			}
			go func(connection net.Conn) {
				defer connection.Close()
				request, err := http.ReadRequest(bufio.NewReader(connection))
				if err != nil {
					return
				}
				_ = request.Body.Close()
				fmt.Fprintf(connection, "HTTP/1.1 400 Bad key Bearer %s\r\nContent-Length: 2\r\nConnection: close\r\n\r\nno", testKey)
			}(connection)
		}
	}()
	_, err = newClient(t, "http://"+listener.Addr().String(), nil).Call.CreatePhoneCall(context.Background(), validParams())
	var apiErr *retell.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || !strings.Contains(apiErr.Message, "[REDACTED]") {
		t.Fatalf("err = %v", err)
	}
	assertHidden(t, "the error", err)
}

// A strict-mode violation and a connection error do not show the key either.
func TestOtherErrorsDoNotShowTheKey(t *testing.T) {
	srv := newServer(t, answer(201, strings.Replace(createdCall, `"registered"`, `"`+testKey+`"`, 1)))
	_, err := newClient(t, srv.URL, nil, retell.WithStrictResponseValidation(true)).Call.CreatePhoneCall(context.Background(), validParams())
	var invalid *retell.APIResponseValidationError
	if !errors.As(err, &invalid) {
		t.Fatalf("err = %v", err)
	}
	assertHidden(t, "the error", err)
	assertHidden(t, "the error's body", string(invalid.Body))
	_, err = newClient(t, "http://127.0.0.1:9", &sleeps{}).Call.CreatePhoneCall(context.Background(), validParams())
	assertHidden(t, "a connection error", err)
}
