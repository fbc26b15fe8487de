from bilingual.cli import main

main()
