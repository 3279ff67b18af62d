// Command overhead prints the per-call time of the generated client against raw net/http
// doing the same job (encode the params, POST them, read and decode the answer) on a loopback
// server. The two alternate in rounds and each reports its best round and its quartiles, so
// a noisy machine skews both alike:
//
//	go run ./overhead            (from tests/go)
//	go run ./overhead -rounds 40 -calls 5000
//
// The target is a client at most 1.10x raw net/http.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"sort"
	"time"

	retell "github.com/retell-contract-kit/retell-go"
)

const created = `{"call_type":"phone_call","from_number":"+14155550100","to_number":"+14155550123",` +
	`"direction":"outbound","call_id":"Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6",` +
	`"agent_id":"oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD","call_status":"registered"}`

// rawCall is what a caller of raw net/http would decode the answer into.
type rawCall struct {
	CallType   string `json:"call_type"`
	FromNumber string `json:"from_number"`
	ToNumber   string `json:"to_number"`
	Direction  string `json:"direction"`
	CallID     string `json:"call_id"`
	AgentID    string `json:"agent_id"`
	CallStatus string `json:"call_status"`
}

func main() {
	rounds := flag.Int("rounds", 25, "rounds of each variant, alternating")
	calls := flag.Int("calls", 2000, "calls per round")
	flag.Parse()
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, created)
	}))
	defer server.Close()
	variants := []struct {
		name string
		call func() error
	}{
		{"raw net/http", rawCaller(server.URL)},
		{"client", clientCaller(server.URL)},
	}
	perCall := map[string][]float64{}
	for round := 0; round < *rounds; round++ {
		for index := range variants {
			variant := variants[(index+round)%len(variants)]
			start := time.Now()
			for range *calls {
				if err := variant.call(); err != nil {
					log.Fatalf("%s: %v", variant.name, err)
				}
			}
			perCall[variant.name] = append(perCall[variant.name], float64(time.Since(start).Nanoseconds())/float64(*calls))
		}
	}
	for _, variant := range variants {
		times := perCall[variant.name]
		sort.Float64s(times)
		fmt.Printf("%-13s best %8.0f ns/op   p25 %8.0f   median %8.0f\n", variant.name, times[0], times[len(times)/4], times[len(times)/2])
	}
	raw, client := perCall["raw net/http"], perCall["client"]
	fmt.Printf("client / raw  best %.2fx   p25 %.2fx   median %.2fx\n",
		client[0]/raw[0], client[len(client)/4]/raw[len(raw)/4], client[len(client)/2]/raw[len(raw)/2])
}

func rawCaller(url string) func() error {
	httpClient := &http.Client{}
	params := struct {
		FromNumber string `json:"from_number"`
		ToNumber   string `json:"to_number"`
	}{"+14155550100", "+14155550123"}
	return func() error {
		body, err := json.Marshal(params)
		if err != nil {
			return err
		}
		request, err := http.NewRequestWithContext(context.Background(), http.MethodPost, url+"/v2/create-phone-call", bytes.NewReader(body))
		if err != nil {
			return err
		}
		request.Header.Set("Authorization", "Bearer sk_overhead")
		request.Header.Set("Content-Type", "application/json")
		answer, err := httpClient.Do(request)
		if err != nil {
			return err
		}
		data, err := io.ReadAll(answer.Body)
		answer.Body.Close()
		if err != nil {
			return err
		}
		var call rawCall
		return json.Unmarshal(data, &call)
	}
}

func clientCaller(url string) func() error {
	client, err := retell.NewClient(retell.WithAPIKey("sk_overhead"), retell.WithBaseURL(url))
	if err != nil {
		log.Fatal(err)
	}
	params := retell.CreatePhoneCallParams{FromNumber: "+14155550100", ToNumber: "+14155550123"}
	return func() error {
		_, err := client.Call.CreatePhoneCall(context.Background(), params)
		return err
	}
}
