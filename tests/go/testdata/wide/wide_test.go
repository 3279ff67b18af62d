package retell_test

// Run by tests/go/test_go.py inside the Go client generated from testdata/wide/spec.yaml (a
// spec with every type expression of the IR), to show the emitter's output works beyond the
// project's own spec: tagged unions, nullable items, recursion, operations without a body,
// an idempotency header.

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	retell "github.com/retell-contract-kit/retell-go"
)

type hits struct {
	mu      sync.Mutex
	headers []http.Header
	bodies  []string
}

func serve(t *testing.T, statuses []int, body string) (*httptest.Server, *hits) {
	t.Helper()
	seen := &hits{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		seen.mu.Lock()
		seen.headers = append(seen.headers, r.Header.Clone())
		seen.bodies = append(seen.bodies, string(data))
		status := statuses[min(len(seen.headers), len(statuses))-1]
		seen.mu.Unlock()
		w.WriteHeader(status)
		if status != http.StatusNoContent {
			_, _ = io.WriteString(w, body)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, seen
}

func client(t *testing.T, url string) *retell.Client {
	t.Helper()
	c, err := retell.NewClient(retell.WithAPIKey("k"), retell.WithBaseURL(url),
		retell.WithSleep(func(context.Context, time.Duration) error { return nil }))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Enum values become constants named by their words (or by their position when they have
// none), their values Go literals whatever they hold.
func TestEnumConstants(t *testing.T) {
	for constant, value := range map[retell.Kind]string{
		retell.KindHamsterXl: "hamster-xl", retell.Kind9lives: "9lives", retell.KindAB: "a b",
		retell.KindValue6: "+", retell.KindQUoteD: `q"uote\d */`,
	} {
		if string(constant) != value || !constant.IsKnown() {
			t.Errorf("%q is not %q", constant, value)
		}
	}
	if retell.Kind("parrot").IsKnown() {
		t.Error("an unlisted value is known")
	}
}

func TestTaggedUnionsAndRecursionDecode(t *testing.T) {
	body := `{"name":"Tom","animal":{"kind":"cat","meow":true},"kind":"9lives",` +
		`"friends":[{"name":"Rex","animal":{"kind":"dog","bark":3}},{"name":"Odd","animal":{"kind":"cow"}}],` +
		`"best_friend":{"name":"Rex","animal":{"kind":"dog","bark":1},"best_friend":{"name":"Tom","animal":{"kind":"cat","meow":false}}},` +
		`"history":{"2024":[1,2.0,3]}}`
	srv, seen := serve(t, []int{429, 201}, body)
	request := retell.CreatePetParams{
		Name:     "tom",
		Animal:   retell.Cat{Kind: "cat", Meow: true},
		Nickname: retell.Null[string](),
		Weights:  retell.Some([]retell.Opt[float64]{retell.Some(1.5), retell.Null[float64]()}),
		Kind:     retell.Some(retell.KindHamsterXl),
		Version:  retell.Some[int64](2),
		Ratio:    retell.Some(0.5),
		Flag:     retell.Some(true),
	}
	pet, err := client(t, srv.URL).Pets.CreatePet(context.Background(), request, retell.WithIdempotencyKey("key-1"))
	if err != nil {
		t.Fatal(err)
	}
	if cat, ok := pet.Animal.(retell.Cat); !ok || !cat.Meow {
		t.Fatalf("animal = %#v", pet.Animal)
	}
	friends := pet.Friends.Value()
	if dog, ok := friends[0].Animal.(retell.Dog); !ok || dog.Bark != 3 {
		t.Fatalf("friends[0].animal = %#v", friends[0].Animal)
	}
	if unknown, ok := friends[1].Animal.(map[string]any); !ok || unknown["kind"] != "cow" {
		t.Fatalf("an unknown tag decodes as free-form JSON: %#v", friends[1].Animal)
	}
	if pet.BestFriend.Value().BestFriend.Value().Name != "Tom" || pet.Kind.Value() != retell.Kind9lives {
		t.Fatalf("recursion or enum: %+v", pet)
	}
	if got := pet.History.Value()["2024"]; len(got) != 3 || got[1] != 2 {
		t.Fatalf("history = %v", got)
	}
	if len(seen.headers) != 2 || seen.headers[0].Get("Idempotency-Key") != "key-1" || seen.headers[1].Get("Idempotency-Key") != "key-1" {
		t.Fatalf("idempotency keys %v", seen.headers)
	}
	var sent map[string]any
	_ = json.Unmarshal([]byte(seen.bodies[0]), &sent)
	if sent["nickname"] != nil || sent["weights"].([]any)[1] != nil || sent["kind"] != "hamster-xl" {
		t.Fatalf("sent %s", seen.bodies[0])
	}
	if _, present := sent["nickname"]; !present {
		t.Fatalf("a Null Opt is sent as null: %s", seen.bodies[0])
	}
}

func TestARandomIdempotencyKeyIsTheSameOnEveryAttempt(t *testing.T) {
	srv, seen := serve(t, []int{429, 201}, `{"name":"Tom","animal":{"kind":"cat","meow":true}}`)
	_, err := client(t, srv.URL).Pets.CreatePet(context.Background(), retell.CreatePetParams{Name: "tom", Animal: retell.Cat{Kind: "cat"}})
	if err != nil {
		t.Fatal(err)
	}
	first := seen.headers[0].Get("Idempotency-Key")
	if first == "" || seen.headers[1].Get("Idempotency-Key") != first {
		t.Fatalf("keys %q %q", first, seen.headers[1].Get("Idempotency-Key"))
	}
}

func TestUnionVariantsAreValidated(t *testing.T) {
	srv, seen := serve(t, []int{201}, `{}`)
	_, err := client(t, srv.URL).Pets.CreatePet(context.Background(), retell.CreatePetParams{Name: "tom", Animal: retell.Dog{Kind: "dog", Bark: -1}})
	var invalid *retell.ValidationError
	if !errors.As(err, &invalid) || invalid.Field != "animal.bark" || invalid.Keyword != "minimum" {
		t.Fatalf("err = %v", err)
	}
	_, err = client(t, srv.URL).Pets.CreatePet(context.Background(), retell.CreatePetParams{Name: "tom", Animal: map[string]any{"kind": "cow"}})
	if !errors.As(err, &invalid) || invalid.Field != "animal.kind" || invalid.Rule != "discriminator" {
		t.Fatalf("err = %v", err)
	}
	if len(seen.headers) != 0 {
		t.Fatalf("%d requests sent", len(seen.headers))
	}
}

// A GET without a body is idempotent: a 500 is retried; no Content-Type is sent.
func TestAnOperationWithoutBodies(t *testing.T) {
	srv, seen := serve(t, []int{500, 204}, ``)
	if err := client(t, srv.URL).Client.PingServer(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(seen.headers) != 2 || seen.headers[1].Get("Content-Type") != "" || seen.bodies[1] != "" {
		t.Fatalf("%d requests, %v", len(seen.headers), seen.headers)
	}
}

func TestAnArrayResult(t *testing.T) {
	srv, _ := serve(t, []int{200}, `[{"value":1,"children":[{"value":2,"child":{"value":3}}]}]`)
	nodes, err := client(t, srv.URL).Pets.PutTree(context.Background(), retell.PutTreeParams{Value: retell.Some[int64](1)})
	if err != nil {
		t.Fatal(err)
	}
	if len(nodes) != 1 || nodes[0].Children.Value()[0].Child.Value().Value.Value() != 3 {
		t.Fatalf("nodes = %+v", nodes)
	}
	again, _ := json.Marshal(nodes)
	if string(again) != `[{"value":1,"children":[{"value":2,"child":{"value":3}}]}]` {
		t.Fatalf("round trip %s", again)
	}
}
