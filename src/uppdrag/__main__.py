from uppdrag.cli import main

main()
