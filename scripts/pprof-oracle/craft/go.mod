module parkview/pprof-oracle/craft

go 1.23

require github.com/google/pprof v0.0.0-20240528025155-186aa0362fba
