-- wrk script: GET /hello, a bare Helidon handler on the unauthenticated server (the web server's ceiling).
wrk.method = "GET"
wrk.path = "/hello"
