module github.com/parkview/parkview/go/parkview

go 1.19
