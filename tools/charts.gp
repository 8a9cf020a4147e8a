# Draws the demo's two charts from the CSV files data/demo.sql writes
# (run inside demo-out/):  gnuplot ../tools/charts.gp
#   supply_shares.png   mine production shares of the largest producers by year
#   russia_target.png   Russia's output against the path to its stated target
set datafile separator ","
set datafile missing ""
set key autotitle columnhead
set terminal pngcairo size 900,540 font "sans,11" noenhanced
set grid ytics
set xlabel "year"
set style data linespoints
set bmargin 6
# source line under every chart
mcs = "Source: USGS Mineral Commodity Summaries 2022-2026 (MCS2026 data release, doi:10.5066/P1WKQ63T), latest edition per year"

set output "supply_shares.png"
set title "World rare-earth mine production: shares by country (USGS MCS, latest edition)"
set ylabel "share of listed production (%)"
set yrange [0:100]
set xtics 1
set key outside right top
set label 1 mcs at screen 0.01, screen 0.05 font ",8"
plot for [col=2:7] "supply_shares.csv" using 1:(column(col) * 100) lw 2 pt 7

set output "russia_target.png"
set title "Russia: mine production (USGS MCS) and the path to the stated 50,000 t by 2030"
set ylabel "t REO per year (log scale)"
set logscale y
set yrange [1000:100000]
# thousands separators, independent of the machine's locale
set ytics ("1,000" 1000, "2,000" 2000, "5,000" 5000, "10,000" 10000, "20,000" 20000, "50,000" 50000, "100,000" 100000)
set key inside left top
set label 1 mcs . "\nTarget: Russian Ministry of Industry and Trade, as reported by Interfax (a reported statement, not a forecast)" at screen 0.01, screen 0.05 font ",8"
plot "russia_path.csv" using 1:2 title "actual (USGS MCS, latest edition)" lw 2 pt 7, \
     "" using 1:3 title "target path (required growth)" lw 2 dt 2 pt 6, \
     "" using 1:4 title "historical trend (log-linear fit)" lw 2 dt 3 pt 4
